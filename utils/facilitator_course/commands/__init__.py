"""One module per `facilitator-course` sub-command: add_arguments(parser) and run(args)."""
