"""Reading articles: files and folders in (txt, html, jsonl), clean text with its date out."""
