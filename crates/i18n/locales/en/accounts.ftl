# accounts: messages of the accounts slice (see ARCHITECTURE.md, "One message catalog").
