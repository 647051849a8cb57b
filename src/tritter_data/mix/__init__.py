"""The training mix: components in target token proportions (see ``mix.run``)."""
