# reports: messages of the reports slice (see ARCHITECTURE.md, "One message catalog").
