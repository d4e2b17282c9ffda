"""The spaCy side: the pipeline with kg's gazetteer and entity components, and the matchers behind them."""
