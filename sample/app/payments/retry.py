# @decision ADR-0008
# @adr 9
import logging

import requests

log = logging.getLogger(__name__)


def charge_with_retry(url: str, attempts: int = 3) -> bool:
    for attempt in range(attempts):
        response = requests.post(url)
        if response.ok:
            return True
        print("retrying", attempt)
    return False
