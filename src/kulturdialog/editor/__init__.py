"""The editor in the preview: a form per content file that saves the file as an author would
write it. It sits on top of the pipeline: it reads the model's schemas and runs the project's
check, and nothing below it imports it."""
