"""The dossier laid out: as Markdown, as a PDF (fpdf2), and as a folder for ECC Belgium."""
