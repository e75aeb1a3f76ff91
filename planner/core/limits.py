"""Bounds of what a learner can enter, light enough for the command line's parser to import."""

MIN_HOURS_PER_WEEK = 0.5  # below this a plan runs for decades
MAX_HOURS_PER_WEEK = 80.0  # beyond this nobody keeps studying week after week
