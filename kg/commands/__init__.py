"""One module per subcommand of the kg command line."""
