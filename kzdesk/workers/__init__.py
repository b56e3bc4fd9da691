"""kzdesk.workers."""
