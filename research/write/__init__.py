"""Writing: the phrase a headline supports, the congratulation in two tones, the note, and the rendered result."""
