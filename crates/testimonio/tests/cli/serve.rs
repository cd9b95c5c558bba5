//! `testimonio serve` options.

use crate::TestEnv;

#[test]
fn a_trusted_proxy_that_is_not_an_address_is_refused_in_both_languages() {
    let env = TestEnv::new();
    for (lang, expected) in [
        (
            "en",
            "expected an IP address or a network such as 10.0.0.0/8",
        ),
        (
            "es",
            "se esperaba una dirección IP o una red como 10.0.0.0/8",
        ),
    ] {
        let out = env.run(&[
            "--lang",
            lang,
            "serve",
            "--trusted-proxy",
            "10.0.0.1",
            "--trusted-proxy",
            "proxy.example",
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("--trusted-proxy \"proxy.example\"") && stderr.contains(expected),
            "{lang}: {stderr}"
        );
    }
}
