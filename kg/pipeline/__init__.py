"""The order of the stages: building a file, and building into a store incrementally."""
