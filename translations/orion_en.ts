<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove the passphrase (keys stored unencrypted, not recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>Console availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent and received messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>40 hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target key check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainersPage</name>
    <message>
        <source>Hosted containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new container from a small example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the selected container accept messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected container; its data is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected container, its key and its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile the program and show the first error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the container, or give it this program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NET-Script program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your node proves who it is with a key pair. Its node ID is derived from the public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate a new identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import an existing identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or import the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Minimum log level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export member file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this node&apos;s signed member file for others to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import member file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify another node&apos;s member file and connect to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up identity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the encrypted identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open profile &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the node and quit Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause networking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy node ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network &amp;key and member card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the network key and this node&apos;s member card, to invite another node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network key and member card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the network key to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who should get the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Anyone who has this key can join the network&lt;/b&gt; and talk to every node in it. Give it only to people you want in the network, in person or over a channel you trust; never post it publicly. It cannot be withdrawn: a network whose key got out needs a new key for everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your member card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node&apos;s ID, addresses and port, signed with its key. It is not secret: the new member imports it (in the setup wizard, or with File → Import member file…) and connects to you first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the c&amp;ard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the member card to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve to file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the member card as a file to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new node joins this network with two things from you: the network key, which lets it in, and your member card, which tells it where to find this node first. The invite holds both in one line to paste into the new node&apos;s setup wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the invite (network key and member card in one line) to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the invite as a QR code to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invite holds the network key: treat it like the key itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the key and the invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this code on the new node to join with the invite. It holds the network key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network is defined by its key: only nodes that hold it can connect to each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a new network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New network key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the network key to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy network key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this key, together with your member file, only to people you want in your network. Anyone who has it can join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join an existing network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network key to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network key check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member file of a node in the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the member file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member file verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orion-net:… or an invite (orion:join?…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the network key, or an invite: it fills in the key and the member file at once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeStateWords</name>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online (1 peer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online (%1 peers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline (no network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapped by the router (NAT-PMP) at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapped by the router (UPnP) at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind NAT (reached through the connections it makes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachability unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase encrypts your identity and network key on disk. Orion asks for it when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember it (stored in your desktop&apos;s keyring)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n character(s).</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Longer is better: several unrelated words make a strong passphrase that is easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortCheck</name>
    <message>
        <source>Choose a port between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 needs administrator rights; choose one above 1023.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortPage</name>
    <message>
        <source>Listening port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other nodes connect to this TCP port. If your router allows it, forward the port to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>ID, address or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing table summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing table contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening &amp;port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new port takes effect when the node restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the profile folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Orion with --profile FOLDER to run another node with its own identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Orion when I &amp;log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;minimized in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Closing the window keeps the node running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock at start with the passphrase stored in your desktop&apos;s keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>This node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the node ID to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy node ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages received and sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes received and sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed messages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosted containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net&amp;work key and member card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What another node needs to join this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether peers can dial this node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your choices. Finish writes the files and starts the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also save an encrypted backup of the identity &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase (stored in your desktop&apos;s keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion then unlocks at start without asking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assistant sets up your node in a few steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion runs a node of a peer-to-peer network on this computer. You will create the node&apos;s identity (a key pair that proves who it is), protect it with a passphrase, then create a new network or join one you were invited to, and choose the port other nodes connect to.

Nothing is written to disk until you confirm the summary at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing identity warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::desktop::DesktopIntegration</name>
    <message>
        <source>Orion (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause networking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy node ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion is online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first peer has connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion is offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the last peer was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion has a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no Exec line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::desktop::KeychainPassphraseStore</name>
    <message>
        <source>The keyring holds no passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring could not be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of Orion has no keyring support (qtkeychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No desktop session bus (D-Bus) is running, so there is no keyring to keep the passphrase in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keyring (GNOME Keyring, KWallet or another Secret Service) is running in this desktop session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::desktop::MemoryPassphraseStore</name>
    <message>
        <source>The keyring holds no passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::facade::LogFeed</name>
    <message numerus="yes">
        <source>%n log entries were dropped</source>
        <translation>
            <numerusform>%n log entry was dropped</numerusform>
            <numerusform>%n log entries were dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>orion::app::facade::NodeBackend</name>
    <message>
        <source>The node is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target must be 40 hexadecimal digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node does not host containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node could not resume: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node does not show its network key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::facade::NodeController</name>
    <message>
        <source>The node is not running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::facade::NodeHost</name>
    <message>
        <source>This profile is in use by another Orion node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network key could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 has a bad value: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node does not host containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now runs version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 created with key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed with its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network key is read when the node starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::models::ContainerListModel</name>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::models::LogModel</name>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::models::MessageLogModel</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delivered after %n hop(s)</source>
        <translation>
            <numerusform>Delivered after %n hop</numerusform>
            <numerusform>Delivered after %n hops</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, waiting for the receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::models::RoutingTableModel</name>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bit(s)</source>
        <translation>
            <numerusform>%n bit</numerusform>
            <numerusform>%n bits</numerusform>
        </translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::EmptyState</name>
    <message>
        <source>Empty list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::KeySpaceView</name>
    <message>
        <source>No routing table yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This node: %1
%n contact(s)</source>
        <translation>
            <numerusform>This node: %1
%n contact</numerusform>
            <numerusform>This node: %1
%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>This node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n common bit(s))</source>
        <translation>
            <numerusform>%1 (%2, %n common bit)</numerusform>
            <numerusform>%1 (%2, %n common bits)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::QrCodeView</name>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::TrafficGraph</name>
    <message>
        <source>Traffic in the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages/s, %2/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::ChangePassphraseDialog</name>
    <message>
        <source>The passphrase was removed; the keys are stored unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a passphrase anyone who can read your profile folder can take over this node&apos;s identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting the keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::ConsolePage</name>
    <message>
        <source>Messages sent to this node for the service “%1” appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node is not connected; messages can be sent once it is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is 40 hexadecimal digits, like a node ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet. To send one, enter a key below (a node ID from the Routing tab, or a container&apos;s key from the Containers tab), the service it listens on and a message, then press Send. Messages to this node&apos;s “%1” service also appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::ContainersPage</name>
    <message>
        <source>No errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 with its key and all its stored data? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deploy update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers can be managed while the node runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No containers yet. A container is a small NET-Script program that answers messages under its own key. Give the example program on the right a name and press Deploy; then send it a message from the Console tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::LogPage</name>
    <message numerus="yes">
        <source>No entry matches the level and the search. Choose a lower level or clear the search to see all %n entries.</source>
        <translation>
            <numerusform>No entry matches the level and the search. Choose a lower level or clear the search to see the %n entry.</numerusform>
            <numerusform>No entry matches the level and the search. Choose a lower level or clear the search to see all %n entries.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing logged yet. What the node does (connections, bootstrap, containers, problems) appears here as it happens; choose the level Debug to see more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::MainWindow</name>
    <message>
        <source>Node ID copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export member file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member file could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member file saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member file verified; connecting to the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import member file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member file was rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node keeps running in the tray. Use Quit to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Orion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window stops the node, and other nodes can no longer reach it through you. Quit Orion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read or is not a member file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion identity (*.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted identity saved to %1. It opens only with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Orion %1&lt;/h3&gt;&lt;p&gt;A decentralized messaging node: nodes know each other by keys, connect over encrypted TCP and route messages without a central server.&lt;/p&gt;&lt;p&gt;Profile: %2&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontainers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::NetworkDialog</name>
    <message>
        <source>Reading the key and the card from the node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node is not running. Start it to see the network key and the member card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network key cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member card cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card holds no address this node can be reached at yet, so a node that imports it cannot connect to you. Wait until the status page shows where the node listens, then open this window again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network key copied. Paste it only where the new member alone can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member card copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save member card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no member card to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member card saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invite holds the network key: treat it like the key itself. The new node pastes it into its setup wizard (or runs orion-node init --invite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invite can be made yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite copied. It holds the network key: paste it only where the new member alone can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide &amp;QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;QR code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::RoutingPage</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connected</source>
        <translation>
            <numerusform>%n connected</numerusform>
            <numerusform>%n connected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bucket(s)</source>
        <translation>
            <numerusform>%n bucket</numerusform>
            <numerusform>%n buckets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No contact matches “%1”. Clear the filter to see all %n contact(s).</source>
        <translation>
            <numerusform>No contact matches “%1”. Clear the filter to see the %n contact.</numerusform>
            <numerusform>No contact matches “%1”. Clear the filter to see all %n contacts.</numerusform>
        </translation>
    </message>
    <message>
        <source>No contacts yet. A node meets the network through nodes it already knows: import the member file of a node in your network (File → Import member file…), or give someone in it your network key and member card (Node → Network key and member card…) so their node connects to yours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::SettingsDialog</name>
    <message>
        <source>Quit from the tray menu or with Ctrl+Q stops the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits Orion and stops the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchecking it deletes the passphrase from the keyring; Orion asks for it at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To unlock without typing the passphrase, check “Remember the passphrase” when Orion asks for it at start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::StatusPage</name>
    <message numerus="yes">
        <source>%n day(s), %1</source>
        <translation>
            <numerusform>%n day, %1</numerusform>
            <numerusform>%n days, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received, %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 delivered here, %2 passed on, %3 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hosted</source>
        <translation>
            <numerusform>%n hosted</numerusform>
            <numerusform>%n hosted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider record(s) stored for others</source>
        <translation>
            <numerusform>%n provider record stored for others</numerusform>
            <numerusform>%n provider records stored for others</numerusform>
        </translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last minute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (as seen by peers)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::windows::UnlockDialog</name>
    <message>
        <source>Enter the passphrase of the profile “%1” to start the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase does not open the identity. Check it (and Caps Lock) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity file %1 is missing. Restore it from a backup, or start Orion with another profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity file %1 is damaged or not an Orion identity, so no passphrase can open it. Restore it from a backup. Details: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity file %1 could not be opened. Details: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of Orion has no keyring support (qtkeychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion keeps the passphrase in your desktop&apos;s keyring and unlocks at start without asking. Anyone who can open your keyring can then start this node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking with the passphrase from your keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase could not be read from your desktop&apos;s keyring: %1 Enter it below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase stored in your desktop&apos;s keyring does not open the identity (was the passphrase changed?). Enter it below; with “Remember” on, the keyring keeps the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the passphrase in your desktop&apos;s keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the passphrase from your desktop&apos;s keyring…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::IdentityPage</name>
    <message>
        <source>Import identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion identity (*.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your node ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the identity file and enter its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the identity file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the key pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the &amp;keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Create the keys” to create your node&apos;s key pair.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::NetworkPage</name>
    <message>
        <source>Valid network key (network ID %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import member file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature verified: node %1 at %2, created %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the invite, signature verified: node %1 at %2, created %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::PassphrasePage</name>
    <message>
        <source>Type the passphrase again to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confirmation does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrases match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion then unlocks at start without asking. Anyone who can open your keyring can start this node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: %1 You will enter the passphrase when Orion starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::PortPage</name>
    <message>
        <source>Port %1 is free.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::SetupModel</name>
    <message>
        <source>This profile already has an identity (%1). Orion never replaces an existing identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This took too long and was stopped. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n character(s).</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The confirmation does not match the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the network key you were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setup is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity could not be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the member file of a node in that network; Orion connects to it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be used as a member file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member file belongs to another network (ID %1…), not to the network of the key above (ID %2…). Ask for the member file of a node in that network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invite cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keyring is available to remember the passphrase in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::SetupWizard</name>
    <message>
        <source>Set up Orion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::SummaryPage</name>
    <message>
        <source>Everything is saved. Starting the node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new network %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joining network %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First peer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity and the network key are encrypted with your passphrase. Keep a backup of the identity file: without it this node ID is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orion identity (*.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting and saving the keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your member file:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::WelcomePage</name>
    <message>
        <source>Profile folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile already has an identity (%1). Orion never replaces an existing identity: start Orion without the setup, or choose another profile with --profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
