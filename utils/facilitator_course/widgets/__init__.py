"""ipywidgets views over the course engines: each widget is a thin layer, tested by clicking in Python."""
