"""The real built site, page by page and in headless Chromium (the site and browser tiers)."""
