# foia: messages of the foia slice (see ARCHITECTURE.md, "One message catalog").
