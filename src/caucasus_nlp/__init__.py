"""caucasus-nlp: raw news dumps about the Armenia–Azerbaijan conflict in, analyst-ready tables out."""

__version__ = "0.1.0"
