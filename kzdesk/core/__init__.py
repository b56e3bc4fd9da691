"""Pure domain model: no Qt, no I/O, standard library only."""
