class GoogleValidationError(Exception):
    pass


class BingValidationError(Exception):
    pass


class DDGValidationError(Exception):
    pass
