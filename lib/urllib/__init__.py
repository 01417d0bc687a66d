"""URL handling: only urllib.parse is provided."""
