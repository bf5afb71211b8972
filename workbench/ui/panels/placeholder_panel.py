"""An honest page for a panel that is not built yet: what it will do, and when."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

__all__ = ["BERT", "EXPLORE", "PlaceholderPanel"]

BERT = (
    "BERT",
    "BERT arrives in a later release: pretraining and fine-tuning small BERT models.",
    (
        "Train a WordPiece tokenizer on your corpus.",
        ("Pretrain a small BERT with masked-language modelling and next-sentence "
         "prediction, optionally starting from your static embeddings."),
        "Fine-tune on classification and tagging tasks and inspect checkpoints.",
    ),
)
EXPLORE = (
    "Explore",
    "Exploration arrives in a later release: neighbours, analogies, maps and attention.",
    (
        "Find nearest neighbours and solve analogies (3CosAdd, 3CosMul).",
        "Map the vocabulary in 2D with PCA, t-SNE or UMAP and search it.",
        "Look at BERT attention heads and compare static and contextual word senses.",
        "Evaluate embeddings on analogy and word-similarity benchmarks.",
    ),
)


class PlaceholderPanel(QWidget):
    """A page saying which features a coming panel will offer.

    Parameters
    ----------
    title
        The panel's name.
    headline
        One sentence: what arrives and when.
    features
        What the panel will let people do.
    """

    def __init__(self, title: str, headline: str, features: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{title.replace(' ', '')}PlaceholderPanel")
        items = "".join(f"<li>{f}</li>" for f in features)
        self.label = QLabel(
            f"<h2>{title}</h2><p>{headline}</p><p>It will let you:</p><ul>{items}</ul>"
            "<p>Meanwhile, the Corpus panel prepares and checks the text these steps "
            "will use.</p>", self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setMaximumWidth(720)
        self.label.setToolTip(f"{title} is not available yet")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def text(self) -> str:
        """The page's text without markup."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.label.text())
        return doc.toPlainText()


if __name__ == "__main__":
    import sys

    from workbench.ui.preview import preview

    sys.exit(preview(lambda: PlaceholderPanel(*BERT)))
