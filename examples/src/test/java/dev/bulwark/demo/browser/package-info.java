/**
 * End-to-end tests of the demo in headless Chromium (the Debian {@code chromium} and
 * {@code chromium-driver} packages, driven through Selenium): CORS with credentials from an
 * allowed and a refused origin, XSS payloads in comments that must never run, and the CSP nonce.
 * Start with {@link dev.bulwark.demo.browser.Chromium}.
 */
@org.jspecify.annotations.NullMarked
package dev.bulwark.demo.browser;
