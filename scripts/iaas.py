#!/usr/bin/env python3
"""A small QingCloud IaaS API client, written from QingCloud's API documentation (signature_version 1).

As a command:  iaas.py [--url http://localhost:5290/iaas/] [--zone pek3a] ACTION [name=value ...]
It reads the key pair from QY_ACCESS_KEY_ID and QY_SECRET_ACCESS_KEY, signs the call with HmacSHA256
and prints the JSON reply. List parameters are given as the API spells them: nics.1=... nics.2=...
With --print-url it prints the signed URL instead of calling it (for curl).
"""
import base64
import datetime
import hashlib
import hmac
import json
import os
import sys
import urllib.parse
import urllib.request


def quote(text):
    # RFC 3986: only A-Z a-z 0-9 - _ . ~ stay as they are; upper-case hex escapes; space is %20.
    return urllib.parse.quote(str(text), safe="-_.~")


def signed_url(url, params, key_id, secret):
    params = dict(params)
    params.update({
        "access_key_id": key_id,
        "signature_method": "HmacSHA256",
        "signature_version": "1",
        "time_stamp": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
    query = "&".join(quote(k) + "=" + quote(params[k]) for k in sorted(params))
    path = urllib.parse.urlsplit(url).path
    string_to_sign = "GET\n" + path + "\n" + query
    digest = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).digest()
    signature = base64.b64encode(digest).decode()
    return url + "?" + query + "&signature=" + urllib.parse.quote_plus(signature)


def call(url, zone, action, params, key_id, secret):
    params = dict(params, action=action, zone=zone)
    with urllib.request.urlopen(signed_url(url, params, key_id, secret)) as reply:
        return json.loads(reply.read().decode())


def main(argv):
    url, zone, print_url = "http://localhost:5290/iaas/", "pek3a", False
    while argv and argv[0].startswith("--"):
        option = argv.pop(0)
        if option == "--print-url":
            print_url = True
        elif option == "--url":
            url = argv.pop(0)
        elif option == "--zone":
            zone = argv.pop(0)
        else:
            sys.exit("unknown option " + option)
    if not argv:
        sys.exit(__doc__)
    action, pairs = argv[0], argv[1:]
    params = dict(pair.split("=", 1) for pair in pairs)
    key_id, secret = os.environ["QY_ACCESS_KEY_ID"], os.environ["QY_SECRET_ACCESS_KEY"]
    if print_url:
        print(signed_url(url, dict(params, action=action, zone=zone), key_id, secret))
    else:
        print(json.dumps(call(url, zone, action, params, key_id, secret), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
