//! Events, people, groups and consent: recording and changing them.
