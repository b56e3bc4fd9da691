"""kzdesk.storage."""
