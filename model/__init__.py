"""claimtag model core: segmentation, features, classifiers, claims, persistence.

This package is plain Python and scikit-learn; it never imports Flask.
"""

LABELS: tuple[str, ...] = ("attack", "deployment", "official_statement", "casualty_report")

__all__ = ["LABELS"]
