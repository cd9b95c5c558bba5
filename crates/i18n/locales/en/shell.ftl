# shell: messages of the shell slice (see ARCHITECTURE.md, "One message catalog").
