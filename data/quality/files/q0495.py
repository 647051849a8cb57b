# -*- coding: utf-8 -*-
# File generated from our OpenAPI spec
# flake8: noqa

from stripe.api_resources.terminal.configuration import (
    Configuration as Configuration,
)
from stripe.api_resources.terminal.connection_token import (
    ConnectionToken as ConnectionToken,
)
from stripe.api_resources.terminal.location import Location as Location
from stripe.api_resources.terminal.reader import Reader as Reader
