"""Understanding a board: what each goal asks for, read from its words and numbers."""
