"""Input and output: reading articles (`ingest`), the database (`store`), writing events (`export`)."""
