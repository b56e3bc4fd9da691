"""kzdesk.ui."""
