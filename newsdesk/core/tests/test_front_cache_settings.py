"""Which front caches are purged on publish, and which tag headers pages carry for them."""

from .settings_env import setting_under


def purged_and_tagged(**env) -> tuple[dict, dict]:
    purged = setting_under("WAGTAILFRONTENDCACHE", unset_prefix="NEWSDESK_", **env)
    tagged = setting_under("NEWSDESK_PAGE_TAG_HEADERS", unset_prefix="NEWSDESK_", **env)
    return purged, tagged


def test_no_front_cache_by_default_and_surrogate_keys_all_the_same():
    assert purged_and_tagged() == ({}, {"Surrogate-Key": " "})


def test_varnish_is_purged_at_its_address_and_reads_surrogate_keys():
    purged, tagged = purged_and_tagged(NEWSDESK_VARNISH_URL="http://127.0.0.1:6081")

    assert purged["varnish"]["LOCATION"] == "http://127.0.0.1:6081"
    assert tagged == {"Surrogate-Key": " "}


def test_cloudflare_is_purged_in_its_zone_and_gets_its_own_tag_header():
    purged, tagged = purged_and_tagged(
        NEWSDESK_CLOUDFLARE_ZONE_ID="zone-1", NEWSDESK_CLOUDFLARE_TOKEN="token-1"
    )

    assert purged["cloudflare"]["BACKEND"].endswith("CloudflareBackend")
    assert (purged["cloudflare"]["ZONEID"], purged["cloudflare"]["BEARER_TOKEN"]) == (
        "zone-1",
        "token-1",
    )
    assert tagged == {"Surrogate-Key": " ", "Cache-Tag": ","}
