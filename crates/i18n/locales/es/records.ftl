# records: messages of the records slice (see ARCHITECTURE.md, "One message catalog").
