"""Stage 1, the data: the declared catalogue (targets, indicators, areas), observation files
loaded and checked, and the yearly series built from them."""
