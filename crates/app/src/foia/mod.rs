//! FOIA requests: filing, updating, productions, letters and calendars.
