//! Global search (Ctrl/Cmd+K or `/`) across every object.
