# domain: messages of the domain slice (see ARCHITECTURE.md, "One message catalog").
