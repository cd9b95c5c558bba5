## Packet bags: exhibit files, the certification page, verification

packet-exhibit-file = Exhibit { $number } - { $file }
packet-bag-file = packet

packet-cert-heading = Certification of authenticity (in the style of Federal Rule of Evidence 902(14))
packet-cert-declaration = I, the undersigned, declare that I am familiar with how this organization's evidence vault ({ $software }) receives, stores and exports documents, and that { $exhibits ->
        [one] the exhibit listed below is a true copy
       *[other] each of the { $exhibits } exhibits listed below is a true copy
    } of the data the vault received, identified by a process of digital identification: its SHA-256 hash was computed when it was received, is kept with it, and was computed again and found equal when it was read for this packet. The process that produced each exhibit is described beside its hash.
packet-cert-caption = Table 3. Each exhibit, its SHA-256 hash and how the vault came to hold it
packet-cert-col-process = How it was obtained and received
packet-cert-note = The same hashes are in the packet bag's manifest-sha256.txt, whose tag manifest is signed with the vault's key (testimonio packet verify checks them).
packet-cert-perjury = I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct (28 U.S.C. § 1746).
packet-cert-name = Name:
packet-cert-title = Title:
packet-cert-organization = Organization:
packet-cert-date = Date:
packet-cert-signature = Signature:
packet-cert-received = Received into the vault on { $at } by { $by }.
packet-cert-source = Source: { $source }.
packet-cert-custodian = Custodian before the vault: { $custodian }.
packet-cert-obtained = Obtained on { $date }.
packet-cert-extracted = Text read with { $tool } (the original is not changed).
packet-cert-custody = { $count ->
        [one] { $count } entry in its custody log.
       *[other] { $count } entries in its custody log.
    }

packet-bagged = wrote the bag { $path } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }; signed with key { $key })
packet-timestamped = timestamped by the authority at { $time }
packet-verify-ok = { $path }: the bag holds ({ $files ->
        [one] { $files } payload file
       *[other] { $files } payload files
    } checked).
packet-verify-failed = { $path }: the bag does not hold ({ $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }).
packet-verify-trusted = Signature: verified with the trusted key { $key }.
packet-verify-self-signed = Signature: verified with the key the bag carries ({ $key }) only; give --key minisign.pub (or run in the vault) to check who signed it.
packet-verify-no-signature = Signature: not verified.
packet-verify-timestamp = Timestamp: the tag manifest's hash was stamped at { $time } (check the authority's signature with openssl ts -verify).

bag-fault-not-a-bag = not a BagIt bag: bagit.txt is missing or is not a BagIt 1.0 declaration (a zipped bag holds exactly one folder, the bag)
bag-fault-no-manifest = the payload manifest is missing
bag-fault-bad-manifest-line = line { $line } is not a checksum and a path
bag-fault-unsafe-path = the manifest names a path outside the bag's data
bag-fault-changed = changed: its bytes do not match the manifest's hash
bag-fault-missing = missing: the manifest lists it but it is not in the bag
bag-fault-added = added: no manifest lists it
bag-fault-renamed = renamed: it has the bytes of { $from }, which is missing
bag-fault-not-a-file = not a regular file
bag-fault-unreadable = cannot be read from the zip: damaged, or larger than 2 GiB once inflated
bag-fault-wrong-oxum = the Payload-Oxum says { $stated } but the payload is { $found }
bag-fault-no-signature = the tag manifest's signature is missing
bag-fault-bad-signature = the signature does not verify: the tag manifest or the signature was changed, or it was signed by another key
bag-fault-untrusted-key = the bag's public key is not the trusted key
bag-fault-bad-timestamp = the timestamp does not hold for this tag manifest ({ $reason ->
        [unreachable] no reply
        [malformed] not a timestamp reply
        [rejected] the authority refused
        [wrong-imprint] it stamps another hash
       *[other] it answers another request
    })

domain-problem-timestamp-failed = the timestamp authority gave no valid timestamp ({ $reason ->
        [unreachable] it could not be reached or answered with an error
        [malformed] its reply is not a timestamp
        [rejected] it refused the request
        [wrong-imprint] it stamped another hash
       *[other] it answered another request
    })

cli-arg-packet-bag = Write the packet as a BagIt bag in this new folder (or, for a name ending in .zip, in a new zip holding the bag's folder): the PDF, the exhibits byte-exact, each exhibit's custody log, manifests, and the tag manifest signed with the vault's key.
cli-arg-packet-tsa = With --bag: also get an RFC 3161 timestamp of the tag manifest from the timestamp authority at this URL.
cli-about-packet-verify = Check a packet bag: every file against its manifests, the signature and the timestamp. Exits non-zero when it does not hold.
cli-arg-packet-verify-path = The bag's folder, or a zip holding it.
cli-arg-packet-verify-key = The trusted public key (minisign.pub) to check the signature with; else the vault's key when a vault is given, else only the key the bag carries.
cli-about-key-signing-key = Print the vault's public signing key (minisign.pub), making the key on first use: packet bags are signed with it.
packet-bag-exists = { $path } already exists and is not empty: give a new folder or a new .zip file for the bag
cli-error-packet-person = give the person's id (or: testimonio packet verify FOLDER)
cli-error-packet-out = give --out FILE or --bag FOLDER
cli-value-url = URL
