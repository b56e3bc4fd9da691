"""kzdesk: transcripts of Kazakh and Russian recordings, with speakers, editing and export."""

__version__ = "0.1.0"
