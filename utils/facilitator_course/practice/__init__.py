"""Small practice exercises with instant, explained feedback (pure Python, no widgets)."""

from .sorting import SortingExercise, SortingResult, load_sorting_exercise

__all__ = ["SortingExercise", "SortingResult", "load_sorting_exercise"]
