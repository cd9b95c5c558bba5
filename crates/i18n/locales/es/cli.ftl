# cli: messages of the cli slice (see ARCHITECTURE.md, "One message catalog").
