# evidence: messages of the evidence slice (see ARCHITECTURE.md, "One message catalog").
