-- Events reach the search index's queue from the one function that writes
-- them (`records::write_event`, which appends ('event', id) whenever an
-- event or its people or groups change), no longer from triggers. A
-- trigger makes SQLite keep a statement journal for every write to its
-- table (a copy of each page the write touches, in case the trigger
-- fails halfway): with five indexes on `events`, that copy was most of a
-- spreadsheet import's time. Events are never deleted.
-- Released: never edit this file; add a new migration instead.
DROP TRIGGER index_event_insert;
DROP TRIGGER index_event_update;
DROP TRIGGER index_event_delete;
DROP TRIGGER index_event_people_insert;
DROP TRIGGER index_event_people_delete;
DROP TRIGGER index_event_groups_insert;
DROP TRIGGER index_event_groups_delete;
