"""The record, its findings, labels and the stage contract: what every other module speaks."""
