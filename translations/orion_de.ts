<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>&amp;Aktuelle Passphrase:</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <source>&amp;Remove the passphrase (keys stored unencrypted, not recommended)</source>
        <translation>Passphrase &amp;entfernen (Schlüssel unverschlüsselt gespeichert, nicht empfohlen)</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Neue Passphrase:</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>Confirm the new passphrase</source>
        <translation>Neue Passphrase bestätigen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>Console availability</source>
        <translation>Verfügbarkeit der Konsole</translation>
    </message>
    <message>
        <source>Sent and received messages</source>
        <translation>Gesendete und empfangene Nachrichten</translation>
    </message>
    <message>
        <source>40 hexadecimal digits</source>
        <translation>40 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>Target key</source>
        <translation>Zielschlüssel</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>Target service</source>
        <translation>Zieldienst</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>To &amp;key:</source>
        <translation>An &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Target key check</source>
        <translation>Prüfung des Zielschlüssels</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>Sen&amp;den</translation>
    </message>
</context>
<context>
    <name>ContainersPage</name>
    <message>
        <source>Hosted containers</source>
        <translation>Betriebene Container</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Start a new container from a small example</source>
        <translation>Einen neuen Container aus einem kleinen Beispiel beginnen</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Let the selected container accept messages</source>
        <translation>Den gewählten Container Nachrichten annehmen lassen</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Stop the selected container; its data is kept</source>
        <translation>Den gewählten Container anhalten; seine Daten bleiben erhalten</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Delete the selected container, its key and its data</source>
        <translation>Den gewählten Container, seinen Schlüssel und seine Daten löschen</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation>Kleinbuchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>Container name</source>
        <translation>Name des Containers</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>Pr&amp;üfen</translation>
    </message>
    <message>
        <source>Compile the program and show the first error</source>
        <translation>Das Programm übersetzen und den ersten Fehler zeigen</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message>
        <source>Create the container, or give it this program</source>
        <translation>Den Container anlegen oder ihm dieses Programm geben</translation>
    </message>
    <message>
        <source>NET-Script program</source>
        <translation>NET-Script-Programm</translation>
    </message>
    <message>
        <source>Compile result</source>
        <translation>Ergebnis der Übersetzung</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Container log</source>
        <translation>Protokoll des Containers</translation>
    </message>
    <message>
        <source>Stored data</source>
        <translation>Gespeicherte Daten</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Last request</source>
        <translation>Letzte Anfrage</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Your node proves who it is with a key pair. Its node ID is derived from the public key.</source>
        <translation>Ihr Knoten weist sich mit einem Schlüsselpaar aus. Seine Knoten-ID wird aus dem öffentlichen Schlüssel abgeleitet.</translation>
    </message>
    <message>
        <source>&amp;Generate a new identity</source>
        <translation>Neue Identität &amp;erzeugen</translation>
    </message>
    <message>
        <source>&amp;Import an existing identity file</source>
        <translation>Vorhandene Identitätsdatei &amp;importieren</translation>
    </message>
    <message>
        <source>Identity &amp;file:</source>
        <translation>Identitäts&amp;datei:</translation>
    </message>
    <message>
        <source>Identity file to import</source>
        <translation>Zu importierende Identitätsdatei</translation>
    </message>
    <message>
        <source>Choose the identity file</source>
        <translation>Identitätsdatei auswählen</translation>
    </message>
    <message>
        <source>Its &amp;passphrase:</source>
        <translation>Ihre &amp;Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase of the identity file</source>
        <translation>Passphrase der Identitätsdatei</translation>
    </message>
    <message>
        <source>Create or import the identity</source>
        <translation>Identität erzeugen oder importieren</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Identity result</source>
        <translation>Ergebnis der Identität</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Minimum log level</source>
        <translation>Minimale Protokollstufe</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Node log</source>
        <translation>Knotenprotokoll</translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>Su&amp;chen:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Orion</source>
        <translation>Orion</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Knoten</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Export member file…</source>
        <translation>Mitgliedsdatei &amp;exportieren …</translation>
    </message>
    <message>
        <source>Save this node&apos;s signed member file for others to import</source>
        <translation>Die signierte Mitgliedsdatei dieses Knotens speichern, damit andere sie importieren können</translation>
    </message>
    <message>
        <source>&amp;Import member file…</source>
        <translation>Mitgliedsdatei &amp;importieren …</translation>
    </message>
    <message>
        <source>Verify another node&apos;s member file and connect to it</source>
        <translation>Die Mitgliedsdatei eines anderen Knotens prüfen und sich mit ihm verbinden</translation>
    </message>
    <message>
        <source>&amp;Back up identity…</source>
        <translation>Identität &amp;sichern …</translation>
    </message>
    <message>
        <source>Save a copy of the encrypted identity file</source>
        <translation>Eine Kopie der verschlüsselten Identitätsdatei speichern</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>&amp;Passphrase ändern …</translation>
    </message>
    <message>
        <source>Open profile &amp;folder</source>
        <translation>Profil&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Fenster s&amp;chließen</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop the node and quit Orion</source>
        <translation>Den Knoten anhalten und Orion beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Pause networking</source>
        <translation>Netzwerk &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Copy node ID</source>
        <translation>Knoten-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;About Orion</source>
        <translation>&amp;Über Orion</translation>
    </message>
    <message>
        <source>Network &amp;key and member card…</source>
        <translation>Netzwerk&amp;schlüssel und Mitgliedskarte…</translation>
    </message>
    <message>
        <source>Show the network key and this node&apos;s member card, to invite another node</source>
        <translation>Netzwerkschlüssel und Mitgliedskarte dieses Knotens zeigen, um einen anderen Knoten einzuladen</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network key and member card</source>
        <translation>Netzwerkschlüssel und Mitgliedskarte</translation>
    </message>
    <message>
        <source>Network key</source>
        <translation>Netzwerkschlüssel</translation>
    </message>
    <message>
        <source>Copy &amp;key</source>
        <translation>Schlüssel &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the network key to the clipboard</source>
        <translation>Den Netzwerkschlüssel in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Who should get the key</source>
        <translation>Wer den Schlüssel bekommen soll</translation>
    </message>
    <message>
        <source>&lt;b&gt;Anyone who has this key can join the network&lt;/b&gt; and talk to every node in it. Give it only to people you want in the network, in person or over a channel you trust; never post it publicly. It cannot be withdrawn: a network whose key got out needs a new key for everyone.</source>
        <translation>&lt;b&gt;Wer diesen Schlüssel hat, kann dem Netzwerk beitreten&lt;/b&gt; und mit jedem Knoten darin sprechen. Geben Sie ihn nur Menschen, die Sie im Netzwerk haben wollen, persönlich oder über einen vertrauenswürdigen Weg; veröffentlichen Sie ihn nie. Er lässt sich nicht zurückziehen: Ein Netzwerk, dessen Schlüssel bekannt wurde, braucht einen neuen Schlüssel für alle.</translation>
    </message>
    <message>
        <source>Your member card</source>
        <translation>Ihre Mitgliedskarte</translation>
    </message>
    <message>
        <source>This node&apos;s ID, addresses and port, signed with its key. It is not secret: the new member imports it (in the setup wizard, or with File → Import member file…) and connects to you first.</source>
        <translation>ID, Adressen und Port dieses Knotens, mit seinem Schlüssel signiert. Sie ist nicht geheim: Das neue Mitglied importiert sie (im Einrichtungsassistenten oder mit Datei → Mitgliedsdatei importieren…) und verbindet sich zuerst mit Ihnen.</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Mitgliedskarte</translation>
    </message>
    <message>
        <source>Copy the c&amp;ard</source>
        <translation>&amp;Karte kopieren</translation>
    </message>
    <message>
        <source>Copy the member card to the clipboard</source>
        <translation>Die Mitgliedskarte in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve to file…</source>
        <translation>In Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the member card as a file to send</source>
        <translation>Die Mitgliedskarte als Datei zum Versenden speichern</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>A new node joins this network with two things from you: the network key, which lets it in, and your member card, which tells it where to find this node first. The invite holds both in one line to paste into the new node&apos;s setup wizard.</source>
        <translation>Ein neuer Knoten tritt diesem Netzwerk mit zwei Dingen von Ihnen bei: dem Netzwerkschlüssel, der ihn hereinlässt, und Ihrer Mitgliedskarte, die ihm sagt, wo er diesen Knoten zuerst findet. Die Einladung enthält beides in einer Zeile, die in den Einrichtungsassistenten des neuen Knotens eingefügt wird.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Copy &amp;invite</source>
        <translation>&amp;Einladung kopieren</translation>
    </message>
    <message>
        <source>Copy the invite (network key and member card in one line) to the clipboard</source>
        <translation>Die Einladung (Netzwerkschlüssel und Mitgliedskarte in einer Zeile) in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Show &amp;QR code</source>
        <translation>&amp;QR-Code zeigen</translation>
    </message>
    <message>
        <source>Show the invite as a QR code to scan</source>
        <translation>Die Einladung als QR-Code zum Scannen zeigen</translation>
    </message>
    <message>
        <source>The invite holds the network key: treat it like the key itself.</source>
        <translation>Die Einladung enthält den Netzwerkschlüssel: Behandeln Sie sie wie den Schlüssel selbst.</translation>
    </message>
    <message>
        <source>&amp;Show the key and the invite</source>
        <translation>Schlüssel und Einladung &amp;anzeigen</translation>
    </message>
    <message>
        <source>Scan this code on the new node to join with the invite. It holds the network key.</source>
        <translation>Scannen Sie diesen Code auf dem neuen Knoten, um mit der Einladung beizutreten. Er enthält den Netzwerkschlüssel.</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>A network is defined by its key: only nodes that hold it can connect to each other.</source>
        <translation>Ein Netz ist durch seinen Schlüssel bestimmt: Nur Knoten, die ihn besitzen, können sich miteinander verbinden.</translation>
    </message>
    <message>
        <source>&amp;Create a new network</source>
        <translation>Neues Netz &amp;anlegen</translation>
    </message>
    <message>
        <source>New network key</source>
        <translation>Neuer Netzschlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the network key to the clipboard</source>
        <translation>Den Netzschlüssel in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copy network key</source>
        <translation>Netzschlüssel kopieren</translation>
    </message>
    <message>
        <source>Give this key, together with your member file, only to people you want in your network. Anyone who has it can join.</source>
        <translation>Geben Sie diesen Schlüssel zusammen mit Ihrer Mitgliedsdatei nur an Menschen weiter, die Sie in Ihrem Netz haben möchten. Wer ihn besitzt, kann beitreten.</translation>
    </message>
    <message>
        <source>&amp;Join an existing network</source>
        <translation>Einem bestehenden Netz &amp;beitreten</translation>
    </message>
    <message>
        <source>Network &amp;key:</source>
        <translation>Netz&amp;schlüssel:</translation>
    </message>
    <message>
        <source>Network key to join</source>
        <translation>Netzschlüssel zum Beitreten</translation>
    </message>
    <message>
        <source>Network key check</source>
        <translation>Prüfung des Netzschlüssels</translation>
    </message>
    <message>
        <source>&amp;Member file:</source>
        <translation>&amp;Mitgliedsdatei:</translation>
    </message>
    <message>
        <source>Member file of a node in the network</source>
        <translation>Mitgliedsdatei eines Knotens im Netz</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Dur&amp;chsuchen …</translation>
    </message>
    <message>
        <source>Choose the member file</source>
        <translation>Mitgliedsdatei auswählen</translation>
    </message>
    <message>
        <source>Member file verification</source>
        <translation>Prüfung der Mitgliedsdatei</translation>
    </message>
    <message>
        <source>orion-net:… or an invite (orion:join?…)</source>
        <translation>orion-net:… oder eine Einladung (orion:join?…)</translation>
    </message>
    <message>
        <source>Paste the network key, or an invite: it fills in the key and the member file at once</source>
        <translation>Fügen Sie den Netzschlüssel oder eine Einladung ein: Sie füllt Schlüssel und Mitgliedsdatei auf einmal aus</translation>
    </message>
</context>
<context>
    <name>NodeStateWords</name>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>waiting for peers</source>
        <translation>wartet auf Peers</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>online (1 peer)</source>
        <translation>online (1 Peer)</translation>
    </message>
    <message>
        <source>online (%1 peers)</source>
        <translation>online (%1 Peers)</translation>
    </message>
    <message>
        <source>offline (no network)</source>
        <translation>offline (kein Netzwerk)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>public at %1</source>
        <translation>öffentlich unter %1</translation>
    </message>
    <message>
        <source>mapped by the router (NAT-PMP) at %1</source>
        <translation>vom Router weitergeleitet (NAT-PMP) unter %1</translation>
    </message>
    <message>
        <source>mapped by the router (UPnP) at %1</source>
        <translation>vom Router weitergeleitet (UPnP) unter %1</translation>
    </message>
    <message>
        <source>behind NAT (reached through the connections it makes)</source>
        <translation>hinter NAT (erreichbar über die eigenen Verbindungen)</translation>
    </message>
    <message>
        <source>reachability unknown</source>
        <translation>Erreichbarkeit unbekannt</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>The passphrase encrypts your identity and network key on disk. Orion asks for it when it starts.</source>
        <translation>Die Passphrase verschlüsselt Ihre Identität und den Netzschlüssel auf der Festplatte. Orion fragt beim Start danach.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>Confirm the passphrase</source>
        <translation>Passphrase bestätigen</translation>
    </message>
    <message>
        <source>Confirmation status</source>
        <translation>Stand der Bestätigung</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>Passphrase &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Remember it (stored in your desktop&apos;s keyring)</source>
        <translation>&amp;Merken (im Schlüsselbund Ihrer Arbeitsumgebung gespeichert)</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n character(s).</source>
        <translation>
            <numerusform>Verwenden Sie mindestens %n Zeichen.</numerusform>
            <numerusform>Verwenden Sie mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Longer is better: several unrelated words make a strong passphrase that is easy to remember.</source>
        <translation>Länger ist besser: Mehrere Wörter ohne Zusammenhang ergeben eine starke Passphrase, die man sich leicht merkt.</translation>
    </message>
</context>
<context>
    <name>PortCheck</name>
    <message>
        <source>Choose a port between 1 and 65535.</source>
        <translation>Wählen Sie einen Port zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program.</source>
        <translation>Port %1 wird bereits von einem anderen Programm benutzt.</translation>
    </message>
    <message>
        <source>Port %1 needs administrator rights; choose one above 1023.</source>
        <translation>Port %1 erfordert Administratorrechte; wählen Sie einen oberhalb von 1023.</translation>
    </message>
    <message>
        <source>Port %1 cannot be used: %2</source>
        <translation>Port %1 kann nicht benutzt werden: %2</translation>
    </message>
</context>
<context>
    <name>PortPage</name>
    <message>
        <source>Listening port</source>
        <translation>Empfangsport</translation>
    </message>
    <message>
        <source>Other nodes connect to this TCP port. If your router allows it, forward the port to this computer.</source>
        <translation>Andere Knoten verbinden sich mit diesem TCP-Port. Wenn Ihr Router es erlaubt, leiten Sie den Port an diesen Computer weiter.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Port check</source>
        <translation>Portprüfung</translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>ID, address or state</source>
        <translation>ID, Adresse oder Zustand</translation>
    </message>
    <message>
        <source>Filter contacts</source>
        <translation>Kontakte filtern</translation>
    </message>
    <message>
        <source>Routing table summary</source>
        <translation>Übersicht der Routing-Tabelle</translation>
    </message>
    <message>
        <source>Routing table contacts</source>
        <translation>Kontakte der Routing-Tabelle</translation>
    </message>
    <message>
        <source>Key space</source>
        <translation>Schlüsselraum</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Listening &amp;port:</source>
        <translation>Empfangs&amp;port:</translation>
    </message>
    <message>
        <source>Listening port</source>
        <translation>Empfangsport</translation>
    </message>
    <message>
        <source>A new port takes effect when the node restarts.</source>
        <translation>Ein neuer Port gilt ab dem nächsten Start des Knotens.</translation>
    </message>
    <message>
        <source>Profile folder:</source>
        <translation>Profilordner:</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>Profilordner</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the profile folder</source>
        <translation>Den Profilordner öffnen</translation>
    </message>
    <message>
        <source>Start Orion with --profile FOLDER to run another node with its own identity.</source>
        <translation>Starten Sie Orion mit --profile ORDNER, um einen weiteren Knoten mit eigener Identität zu betreiben.</translation>
    </message>
    <message>
        <source>Start Orion when I &amp;log in</source>
        <translation>Orion bei der &amp;Anmeldung starten</translation>
    </message>
    <message>
        <source>Start &amp;minimized in the tray</source>
        <translation>&amp;Minimiert in der Kontrollleiste starten</translation>
    </message>
    <message>
        <source>&amp;Closing the window keeps the node running in the tray</source>
        <translation>Beim &amp;Schließen des Fensters läuft der Knoten in der Kontrollleiste weiter</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Unlock at start with the passphrase stored in your desktop&apos;s keyring</source>
        <translation>Beim Start mit der im Schlüsselbund Ihrer Arbeitsumgebung gespeicherten Passphrase &amp;entsperren</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>This node</source>
        <translation>Dieser Knoten</translation>
    </message>
    <message>
        <source>Node &amp;ID:</source>
        <translation>Knoten-&amp;ID:</translation>
    </message>
    <message>
        <source>Node ID</source>
        <translation>Knoten-ID</translation>
    </message>
    <message>
        <source>Copy the node ID to the clipboard</source>
        <translation>Die Knoten-ID in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copy node ID</source>
        <translation>Knoten-ID kopieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Node state</source>
        <translation>Zustand des Knotens</translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation>Empfängt auf:</translation>
    </message>
    <message>
        <source>Listen addresses</source>
        <translation>Empfangsadressen</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Laufzeit:</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Peers:</source>
        <translation>Gegenstellen:</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>Verbundene Gegenstellen</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Nachrichten:</translation>
    </message>
    <message>
        <source>Messages received and sent</source>
        <translation>Empfangene und gesendete Nachrichten</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Datenverkehr:</translation>
    </message>
    <message>
        <source>Bytes received and sent</source>
        <translation>Empfangene und gesendete Bytes</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Routed messages:</source>
        <translation>Geroutete Nachrichten:</translation>
    </message>
    <message>
        <source>Routed messages</source>
        <translation>Geroutete Nachrichten</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Hosted containers</source>
        <translation>Betriebene Container</translation>
    </message>
    <message>
        <source>Portal:</source>
        <translation>Portal:</translation>
    </message>
    <message>
        <source>Portal socket</source>
        <translation>Portal-Socket</translation>
    </message>
    <message>
        <source>Net&amp;work key and member card…</source>
        <translation>Netz&amp;werkschlüssel und Mitgliedskarte…</translation>
    </message>
    <message>
        <source>What another node needs to join this network</source>
        <translation>Was ein anderer Knoten braucht, um diesem Netzwerk beizutreten</translation>
    </message>
    <message>
        <source>Reachable:</source>
        <translation>Erreichbar:</translation>
    </message>
    <message>
        <source>Whether peers can dial this node</source>
        <translation>Ob andere Knoten diesen Knoten anwählen können</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check your choices. Finish writes the files and starts the node.</source>
        <translation>Prüfen Sie Ihre Angaben. „Fertigstellen“ schreibt die Dateien und startet den Knoten.</translation>
    </message>
    <message>
        <source>Summary of the setup</source>
        <translation>Zusammenfassung der Einrichtung</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Sicherungsdatei auswählen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Setup result</source>
        <translation>Ergebnis der Einrichtung</translation>
    </message>
    <message>
        <source>Also save an encrypted backup of the identity &amp;to:</source>
        <translation>Zusätzlich eine verschlüsselte Sicherung der Identität speichern &amp;unter:</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Orion</source>
        <translation>Orion entsperren</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Unlock result</source>
        <translation>Ergebnis des Entsperrens</translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase (stored in your desktop&apos;s keyring)</source>
        <translation>Passphrase &amp;merken (im Schlüsselbund Ihrer Arbeitsumgebung gespeichert)</translation>
    </message>
    <message>
        <source>Orion then unlocks at start without asking</source>
        <translation>Orion entsperrt dann beim Start ohne Nachfrage</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Orion</source>
        <translation>Willkommen bei Orion</translation>
    </message>
    <message>
        <source>This assistant sets up your node in a few steps.</source>
        <translation>Dieser Assistent richtet Ihren Knoten in wenigen Schritten ein.</translation>
    </message>
    <message>
        <source>Orion runs a node of a peer-to-peer network on this computer. You will create the node&apos;s identity (a key pair that proves who it is), protect it with a passphrase, then create a new network or join one you were invited to, and choose the port other nodes connect to.

Nothing is written to disk until you confirm the summary at the end.</source>
        <translation>Orion betreibt auf diesem Computer einen Knoten eines Peer-to-Peer-Netzes. Sie erzeugen die Identität des Knotens (ein Schlüsselpaar, mit dem er sich ausweist), schützen sie mit einer Passphrase, legen dann ein neues Netz an oder treten einem bei, zu dem Sie eingeladen wurden, und wählen den Port, mit dem sich andere Knoten verbinden.

Erst wenn Sie am Ende die Zusammenfassung bestätigen, wird etwas auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Existing identity warning</source>
        <translation>Warnung: Identität vorhanden</translation>
    </message>
</context>
<context>
    <name>orion::app::desktop::DesktopIntegration</name>
    <message>
        <source>Orion (%1): %2</source>
        <translation>Orion (%1): %2</translation>
    </message>
    <message>
        <source>&amp;Hide Orion</source>
        <translation>Orion &amp;ausblenden</translation>
    </message>
    <message>
        <source>&amp;Show Orion</source>
        <translation>Orion &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Pause networking</source>
        <translation>Netzwerk &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Copy node ID</source>
        <translation>Knoten-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Orion is online</source>
        <translation>Orion ist online</translation>
    </message>
    <message>
        <source>The first peer has connected.</source>
        <translation>Die erste Gegenstelle hat sich verbunden.</translation>
    </message>
    <message>
        <source>Orion is offline</source>
        <translation>Orion ist offline</translation>
    </message>
    <message>
        <source>The connection to the last peer was lost.</source>
        <translation>Die Verbindung zur letzten Gegenstelle ist abgerissen.</translation>
    </message>
    <message>
        <source>Orion has a problem</source>
        <translation>Orion hat ein Problem</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation>%1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 has no Exec line.</source>
        <translation>%1 hat keine Exec-Zeile.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>orion::app::desktop::KeychainPassphraseStore</name>
    <message>
        <source>The keyring holds no passphrase.</source>
        <translation>Der Schlüsselbund enthält keine Passphrase.</translation>
    </message>
    <message>
        <source>The keyring refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>The keyring could not be used: %1</source>
        <translation>Der Schlüsselbund konnte nicht benutzt werden: %1</translation>
    </message>
    <message>
        <source>This build of Orion has no keyring support (qtkeychain).</source>
        <translation>Diese Ausgabe von Orion unterstützt keinen Schlüsselbund (qtkeychain).</translation>
    </message>
    <message>
        <source>No desktop session bus (D-Bus) is running, so there is no keyring to keep the passphrase in.</source>
        <translation>Es läuft kein Sitzungsbus (D-Bus), also gibt es keinen Schlüsselbund für die Passphrase.</translation>
    </message>
    <message>
        <source>No keyring (GNOME Keyring, KWallet or another Secret Service) is running in this desktop session.</source>
        <translation>In dieser Sitzung läuft kein Schlüsselbund (GNOME Keyring, KWallet oder ein anderer Secret Service).</translation>
    </message>
</context>
<context>
    <name>orion::app::desktop::MemoryPassphraseStore</name>
    <message>
        <source>The keyring holds no passphrase.</source>
        <translation>Der Schlüsselbund enthält keine Passphrase.</translation>
    </message>
</context>
<context>
    <name>orion::app::facade::LogFeed</name>
    <message numerus="yes">
        <source>%n log entries were dropped</source>
        <translation>
            <numerusform>%n Protokolleintrag wurde verworfen</numerusform>
            <numerusform>%n Protokolleinträge wurden verworfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>orion::app::facade::NodeBackend</name>
    <message>
        <source>The node is not running.</source>
        <translation>Der Knoten läuft nicht.</translation>
    </message>
    <message>
        <source>The target must be 40 hexadecimal digits.</source>
        <translation>Das Ziel muss aus 40 Hexadezimalziffern bestehen.</translation>
    </message>
    <message>
        <source>This node does not host containers.</source>
        <translation>Dieser Knoten betreibt keine Container.</translation>
    </message>
    <message>
        <source>The node could not resume: %1</source>
        <translation>Der Knoten konnte nicht fortfahren: %1</translation>
    </message>
    <message>
        <source>This node does not show its network key.</source>
        <translation>Dieser Knoten zeigt seinen Netzwerkschlüssel nicht.</translation>
    </message>
</context>
<context>
    <name>orion::app::facade::NodeController</name>
    <message>
        <source>The node is not running.</source>
        <translation>Der Knoten läuft nicht.</translation>
    </message>
</context>
<context>
    <name>orion::app::facade::NodeHost</name>
    <message>
        <source>This profile is in use by another Orion node: %1</source>
        <translation>Dieses Profil wird von einem anderen Orion-Knoten benutzt: %1</translation>
    </message>
    <message>
        <source>The identity could not be opened: %1</source>
        <translation>Die Identität konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The network key could not be opened: %1</source>
        <translation>Der Netzschlüssel konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The settings file %1 has a bad value: %2</source>
        <translation>Die Einstellungsdatei %1 enthält einen ungültigen Wert: %2</translation>
    </message>
    <message>
        <source>The node could not start: %1</source>
        <translation>Der Knoten konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The service name is too long.</source>
        <translation>Der Dienstname ist zu lang.</translation>
    </message>
    <message>
        <source>This node does not host containers.</source>
        <translation>Dieser Knoten betreibt keine Container.</translation>
    </message>
    <message>
        <source>%1 now runs version %2.</source>
        <translation>%1 läuft jetzt in Version %2.</translation>
    </message>
    <message>
        <source>%1 created with key %2.</source>
        <translation>%1 mit dem Schlüssel %2 angelegt.</translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation>%1 gestartet.</translation>
    </message>
    <message>
        <source>%1 stopped.</source>
        <translation>%1 angehalten.</translation>
    </message>
    <message>
        <source>%1 removed with its data.</source>
        <translation>%1 samt seinen Daten entfernt.</translation>
    </message>
    <message>
        <source>Unknown request.</source>
        <translation>Unbekannte Anfrage.</translation>
    </message>
    <message>
        <source>The node is not running.</source>
        <translation>Der Knoten läuft nicht.</translation>
    </message>
    <message>
        <source>The network key is read when the node starts.</source>
        <translation>Der Netzwerkschlüssel wird beim Start des Knotens gelesen.</translation>
    </message>
</context>
<context>
    <name>orion::app::models::ContainerListModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>orion::app::models::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>orion::app::models::MessageLogModel</name>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message numerus="yes">
        <source>Delivered after %n hop(s)</source>
        <translation>
            <numerusform>Zugestellt nach %n Sprung</numerusform>
            <numerusform>Zugestellt nach %n Sprüngen</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Sent, waiting for the receipt</source>
        <translation>Gesendet, Empfangsbestätigung ausstehend</translation>
    </message>
</context>
<context>
    <name>orion::app::models::RoutingTableModel</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Bekannt</translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation>Antwortet nicht</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Ersatz</translation>
    </message>
    <message numerus="yes">
        <source>%n bit(s)</source>
        <translation>
            <numerusform>%n Bit</numerusform>
            <numerusform>%n Bit</numerusform>
        </translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Node ID</source>
        <translation>Knoten-ID</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>Common prefix</source>
        <translation>Gemeinsames Präfix</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::EmptyState</name>
    <message>
        <source>Empty list</source>
        <translation>Leere Liste</translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::KeySpaceView</name>
    <message>
        <source>No routing table yet</source>
        <translation>Noch keine Routing-Tabelle</translation>
    </message>
    <message numerus="yes">
        <source>This node: %1
%n contact(s)</source>
        <translation>
            <numerusform>Dieser Knoten: %1
%n Kontakt</numerusform>
            <numerusform>Dieser Knoten: %1
%n Kontakte</numerusform>
        </translation>
    </message>
    <message>
        <source>This node %1</source>
        <translation>Dieser Knoten %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n common bit(s))</source>
        <translation>
            <numerusform>%1 (%2, %n gemeinsames Bit)</numerusform>
            <numerusform>%1 (%2, %n gemeinsame Bits)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::QrCodeView</name>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
</context>
<context>
    <name>orion::app::widgets::TrafficGraph</name>
    <message>
        <source>Traffic in the last minute</source>
        <translation>Datenverkehr der letzten Minute</translation>
    </message>
    <message>
        <source>%1 messages/s, %2/s</source>
        <translation>%1 Nachrichten/s, %2/s</translation>
    </message>
    <message>
        <source>%1 messages/s</source>
        <translation>%1 Nachrichten/s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::ChangePassphraseDialog</name>
    <message>
        <source>The passphrase was removed; the keys are stored unencrypted.</source>
        <translation>Die Passphrase wurde entfernt; die Schlüssel werden unverschlüsselt gespeichert.</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>Die Passphrase wurde geändert.</translation>
    </message>
    <message>
        <source>Without a passphrase anyone who can read your profile folder can take over this node&apos;s identity.</source>
        <translation>Ohne Passphrase kann jeder, der Ihren Profilordner lesen kann, die Identität dieses Knotens übernehmen.</translation>
    </message>
    <message>
        <source>Re-encrypting the keys…</source>
        <translation>Die Schlüssel werden neu verschlüsselt …</translation>
    </message>
    <message>
        <source>The passphrase could not be changed: %1</source>
        <translation>Die Passphrase konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::ConsolePage</name>
    <message>
        <source>Messages sent to this node for the service “%1” appear here.</source>
        <translation>Nachrichten an diesen Knoten für den Dienst „%1“ erscheinen hier.</translation>
    </message>
    <message>
        <source>The node is not connected; messages can be sent once it is online.</source>
        <translation>Der Knoten ist nicht verbunden; Nachrichten können gesendet werden, sobald er online ist.</translation>
    </message>
    <message>
        <source>A key is 40 hexadecimal digits, like a node ID.</source>
        <translation>Ein Schlüssel besteht wie eine Knoten-ID aus 40 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>No messages yet. To send one, enter a key below (a node ID from the Routing tab, or a container&apos;s key from the Containers tab), the service it listens on and a message, then press Send. Messages to this node&apos;s “%1” service also appear here.</source>
        <translation>Noch keine Nachrichten. Geben Sie unten einen Schlüssel ein (eine Knoten-ID aus dem Reiter Routing oder den Schlüssel eines Containers aus dem Reiter Container), den Dienst, auf dem er hört, und eine Nachricht, und drücken Sie Senden. Nachrichten an den Dienst „%1“ dieses Knotens erscheinen ebenfalls hier.</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::ContainersPage</name>
    <message>
        <source>No errors.</source>
        <translation>Keine Fehler.</translation>
    </message>
    <message>
        <source>Deploying %1…</source>
        <translation>%1 wird bereitgestellt …</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>Container entfernen</translation>
    </message>
    <message>
        <source>Remove %1 with its key and all its stored data? This cannot be undone.</source>
        <translation>%1 mit seinem Schlüssel und allen gespeicherten Daten entfernen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Deploy update</source>
        <translation>Aktualisierung &amp;bereitstellen</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message>
        <source>Containers can be managed while the node runs.</source>
        <translation>Container lassen sich verwalten, solange der Knoten läuft.</translation>
    </message>
    <message>
        <source>No containers yet. A container is a small NET-Script program that answers messages under its own key. Give the example program on the right a name and press Deploy; then send it a message from the Console tab.</source>
        <translation>Noch keine Container. Ein Container ist ein kleines NET-Script-Programm, das unter einem eigenen Schlüssel auf Nachrichten antwortet. Geben Sie dem Beispielprogramm rechts einen Namen und drücken Sie Bereitstellen; senden Sie ihm dann eine Nachricht aus dem Reiter Konsole.</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::LogPage</name>
    <message numerus="yes">
        <source>No entry matches the level and the search. Choose a lower level or clear the search to see all %n entries.</source>
        <translation>
            <numerusform>Kein Eintrag passt zu Stufe und Suche. Wählen Sie eine niedrigere Stufe oder leeren Sie die Suche, um den %n Eintrag zu sehen.</numerusform>
            <numerusform>Kein Eintrag passt zu Stufe und Suche. Wählen Sie eine niedrigere Stufe oder leeren Sie die Suche, um alle %n Einträge zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing logged yet. What the node does (connections, bootstrap, containers, problems) appears here as it happens; choose the level Debug to see more.</source>
        <translation>Noch nichts protokolliert. Was der Knoten tut (Verbindungen, Bootstrap, Container, Probleme), erscheint hier, sobald es geschieht; wählen Sie die Stufe Debug, um mehr zu sehen.</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::MainWindow</name>
    <message>
        <source>Node ID copied.</source>
        <translation>Knoten-ID kopiert.</translation>
    </message>
    <message>
        <source>Export member file</source>
        <translation>Mitgliedsdatei exportieren</translation>
    </message>
    <message>
        <source>The member file could not be created: %1</source>
        <translation>Die Mitgliedsdatei konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member)</source>
        <translation>Orion-Mitgliedsdateien (*.json *.member)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Member file saved to %1.</source>
        <translation>Mitgliedsdatei unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Member file verified; connecting to the node.</source>
        <translation>Mitgliedsdatei geprüft; Verbindung zum Knoten wird aufgebaut.</translation>
    </message>
    <message>
        <source>Import member file</source>
        <translation>Mitgliedsdatei importieren</translation>
    </message>
    <message>
        <source>The member file was rejected: %1</source>
        <translation>Die Mitgliedsdatei wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation>&amp;Routing</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>K&amp;onsole</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>Orion is still running</source>
        <translation>Orion läuft weiter</translation>
    </message>
    <message>
        <source>The node keeps running in the tray. Use Quit to stop it.</source>
        <translation>Der Knoten läuft in der Kontrollleiste weiter. Mit „Beenden“ halten Sie ihn an.</translation>
    </message>
    <message>
        <source>Quit Orion?</source>
        <translation>Orion beenden?</translation>
    </message>
    <message>
        <source>Closing the window stops the node, and other nodes can no longer reach it through you. Quit Orion?</source>
        <translation>Das Schließen des Fensters hält den Knoten an, und andere Knoten können ihn nicht mehr über Sie erreichen. Orion beenden?</translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member);;All files (*)</source>
        <translation>Orion-Mitgliedsdateien (*.json *.member);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read or is not a member file.</source>
        <translation>%1 kann nicht gelesen werden oder ist keine Mitgliedsdatei.</translation>
    </message>
    <message>
        <source>Back up identity</source>
        <translation>Identität sichern</translation>
    </message>
    <message>
        <source>Orion identity (*.key)</source>
        <translation>Orion-Identität (*.key)</translation>
    </message>
    <message>
        <source>Encrypted identity saved to %1. It opens only with your passphrase.</source>
        <translation>Verschlüsselte Identität unter %1 gespeichert. Sie lässt sich nur mit Ihrer Passphrase öffnen.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start bei der Anmeldung</translation>
    </message>
    <message>
        <source>About Orion</source>
        <translation>Über Orion</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Orion %1&lt;/h3&gt;&lt;p&gt;A decentralized messaging node: nodes know each other by keys, connect over encrypted TCP and route messages without a central server.&lt;/p&gt;&lt;p&gt;Profile: %2&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Orion %1&lt;/h3&gt;&lt;p&gt;Ein dezentraler Nachrichtenknoten: Knoten kennen einander an ihren Schlüsseln, verbinden sich über verschlüsseltes TCP und leiten Nachrichten ohne zentralen Server weiter.&lt;/p&gt;&lt;p&gt;Profil: %2&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>C&amp;ontainers</source>
        <translation>&amp;Container</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::NetworkDialog</name>
    <message>
        <source>Reading the key and the card from the node…</source>
        <translation>Schlüssel und Karte werden vom Knoten gelesen…</translation>
    </message>
    <message>
        <source>The node is not running. Start it to see the network key and the member card.</source>
        <translation>Der Knoten läuft nicht. Starten Sie ihn, um Netzwerkschlüssel und Mitgliedskarte zu sehen.</translation>
    </message>
    <message>
        <source>The network key cannot be shown: %1</source>
        <translation>Der Netzwerkschlüssel kann nicht gezeigt werden: %1</translation>
    </message>
    <message>
        <source>The member card cannot be made: %1</source>
        <translation>Die Mitgliedskarte kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>This card holds no address this node can be reached at yet, so a node that imports it cannot connect to you. Wait until the status page shows where the node listens, then open this window again.</source>
        <translation>Diese Karte enthält noch keine Adresse, unter der dieser Knoten erreichbar ist; ein Knoten, der sie importiert, kann sich nicht mit Ihnen verbinden. Warten Sie, bis die Statusseite zeigt, wo der Knoten lauscht, und öffnen Sie dieses Fenster dann erneut.</translation>
    </message>
    <message>
        <source>Network key copied. Paste it only where the new member alone can read it.</source>
        <translation>Netzwerkschlüssel kopiert. Fügen Sie ihn nur dort ein, wo allein das neue Mitglied ihn lesen kann.</translation>
    </message>
    <message>
        <source>Member card copied.</source>
        <translation>Mitgliedskarte kopiert.</translation>
    </message>
    <message>
        <source>Save member card</source>
        <translation>Mitgliedskarte speichern</translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member)</source>
        <translation>Orion-Mitgliedsdateien (*.json *.member)</translation>
    </message>
    <message>
        <source>There is no member card to save.</source>
        <translation>Es gibt keine Mitgliedskarte zum Speichern.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Member card saved to %1.</source>
        <translation>Mitgliedskarte in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The invite holds the network key: treat it like the key itself. The new node pastes it into its setup wizard (or runs orion-node init --invite).</source>
        <translation>Die Einladung enthält den Netzwerkschlüssel: Behandeln Sie sie wie den Schlüssel selbst. Der neue Knoten fügt sie in seinen Einrichtungsassistenten ein (oder ruft orion-node init --invite auf).</translation>
    </message>
    <message>
        <source>No invite can be made yet: %1</source>
        <translation>Noch kann keine Einladung erstellt werden: %1</translation>
    </message>
    <message>
        <source>Invite copied. It holds the network key: paste it only where the new member alone can read it.</source>
        <translation>Einladung kopiert. Sie enthält den Netzwerkschlüssel: Fügen Sie sie nur dort ein, wo allein das neue Mitglied sie lesen kann.</translation>
    </message>
    <message>
        <source>Hide &amp;QR code</source>
        <translation>&amp;QR-Code ausblenden</translation>
    </message>
    <message>
        <source>Show &amp;QR code</source>
        <translation>&amp;QR-Code zeigen</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::RoutingPage</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connected</source>
        <translation>
            <numerusform>%n verbunden</numerusform>
            <numerusform>%n verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bucket(s)</source>
        <translation>
            <numerusform>%n Bucket</numerusform>
            <numerusform>%n Buckets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No contact matches “%1”. Clear the filter to see all %n contact(s).</source>
        <translation>
            <numerusform>Kein Kontakt passt zu „%1“. Leeren Sie den Filter, um den %n Kontakt zu sehen.</numerusform>
            <numerusform>Kein Kontakt passt zu „%1“. Leeren Sie den Filter, um alle %n Kontakte zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No contacts yet. A node meets the network through nodes it already knows: import the member file of a node in your network (File → Import member file…), or give someone in it your network key and member card (Node → Network key and member card…) so their node connects to yours.</source>
        <translation>Noch keine Kontakte. Ein Knoten findet das Netzwerk über Knoten, die er schon kennt: Importieren Sie die Mitgliedsdatei eines Knotens in Ihrem Netzwerk (Datei → Mitgliedsdatei importieren…), oder geben Sie jemandem darin Ihren Netzwerkschlüssel und Ihre Mitgliedskarte (Knoten → Netzwerkschlüssel und Mitgliedskarte…), damit sich sein Knoten mit Ihrem verbindet.</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::SettingsDialog</name>
    <message>
        <source>Quit from the tray menu or with Ctrl+Q stops the node.</source>
        <translation>„Beenden“ im Menü der Kontrollleiste oder Strg+Q hält den Knoten an.</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits Orion and stops the node.</source>
        <translation>Diese Arbeitsumgebung hat keine Kontrollleiste: Das Schließen des Fensters beendet Orion und hält den Knoten an.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Unchecking it deletes the passphrase from the keyring; Orion asks for it at the next start.</source>
        <translation>Ohne Haken wird die Passphrase aus dem Schlüsselbund gelöscht; Orion fragt beim nächsten Start danach.</translation>
    </message>
    <message>
        <source>To unlock without typing the passphrase, check “Remember the passphrase” when Orion asks for it at start.</source>
        <translation>Um ohne Eingabe der Passphrase zu entsperren, setzen Sie „Passphrase merken“, wenn Orion beim Start danach fragt.</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::StatusPage</name>
    <message numerus="yes">
        <source>%n day(s), %1</source>
        <translation>
            <numerusform>%n Tag, %1</numerusform>
            <numerusform>%n Tage, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>empfängt nicht</translation>
    </message>
    <message>
        <source>%1 received, %2 sent</source>
        <translation>%1 empfangen, %2 gesendet</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>%1 delivered here, %2 passed on, %3 dropped</source>
        <translation>%1 hier zugestellt, %2 weitergeleitet, %3 verworfen</translation>
    </message>
    <message numerus="yes">
        <source>%n hosted</source>
        <translation>
            <numerusform>%n betrieben</numerusform>
            <numerusform>%n betrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider record(s) stored for others</source>
        <translation>
            <numerusform>%n Anbietereintrag für andere gespeichert</numerusform>
            <numerusform>%n Anbietereinträge für andere gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Last minute:</source>
        <translation>Letzte Minute:</translation>
    </message>
    <message>
        <source>%1 (as seen by peers)</source>
        <translation>%1 (wie Peers ihn sehen)</translation>
    </message>
</context>
<context>
    <name>orion::app::windows::UnlockDialog</name>
    <message>
        <source>Enter the passphrase of the profile “%1” to start the node.</source>
        <translation>Geben Sie die Passphrase des Profils „%1“ ein, um den Knoten zu starten.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
    <message>
        <source>This passphrase does not open the identity. Check it (and Caps Lock) and try again.</source>
        <translation>Diese Passphrase öffnet die Identität nicht. Prüfen Sie sie (und die Feststelltaste) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The identity file %1 is missing. Restore it from a backup, or start Orion with another profile.</source>
        <translation>Die Identitätsdatei %1 fehlt. Stellen Sie sie aus einer Sicherung wieder her oder starten Sie Orion mit einem anderen Profil.</translation>
    </message>
    <message>
        <source>The identity file %1 is damaged or not an Orion identity, so no passphrase can open it. Restore it from a backup. Details: %2</source>
        <translation>Die Identitätsdatei %1 ist beschädigt oder keine Orion-Identität; keine Passphrase kann sie öffnen. Stellen Sie sie aus einer Sicherung wieder her. Einzelheiten: %2</translation>
    </message>
    <message>
        <source>The identity file %1 could not be opened. Details: %2</source>
        <translation>Die Identitätsdatei %1 konnte nicht geöffnet werden. Einzelheiten: %2</translation>
    </message>
    <message>
        <source>This build of Orion has no keyring support (qtkeychain).</source>
        <translation>Diese Ausgabe von Orion unterstützt keinen Schlüsselbund (qtkeychain).</translation>
    </message>
    <message>
        <source>Orion keeps the passphrase in your desktop&apos;s keyring and unlocks at start without asking. Anyone who can open your keyring can then start this node.</source>
        <translation>Orion bewahrt die Passphrase im Schlüsselbund Ihrer Arbeitsumgebung auf und entsperrt beim Start ohne Nachfrage. Wer Ihren Schlüsselbund öffnen kann, kann dann diesen Knoten starten.</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Unlocking with the passphrase from your keyring…</source>
        <translation>Wird mit der Passphrase aus Ihrem Schlüsselbund entsperrt …</translation>
    </message>
    <message>
        <source>The passphrase could not be read from your desktop&apos;s keyring: %1 Enter it below.</source>
        <translation>Die Passphrase konnte nicht aus dem Schlüsselbund Ihrer Arbeitsumgebung gelesen werden: %1 Geben Sie sie unten ein.</translation>
    </message>
    <message>
        <source>The passphrase stored in your desktop&apos;s keyring does not open the identity (was the passphrase changed?). Enter it below; with “Remember” on, the keyring keeps the new one.</source>
        <translation>Die im Schlüsselbund Ihrer Arbeitsumgebung gespeicherte Passphrase öffnet die Identität nicht (wurde die Passphrase geändert?). Geben Sie sie unten ein; mit „Merken“ behält der Schlüsselbund die neue.</translation>
    </message>
    <message>
        <source>Storing the passphrase in your desktop&apos;s keyring…</source>
        <translation>Die Passphrase wird im Schlüsselbund Ihrer Arbeitsumgebung gespeichert …</translation>
    </message>
    <message>
        <source>Removing the passphrase from your desktop&apos;s keyring…</source>
        <translation>Die Passphrase wird aus dem Schlüsselbund Ihrer Arbeitsumgebung entfernt …</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::IdentityPage</name>
    <message>
        <source>Import identity</source>
        <translation>Identität importieren</translation>
    </message>
    <message>
        <source>Orion identity (*.key);;All files (*)</source>
        <translation>Orion-Identität (*.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Your node ID: %1</source>
        <translation>Ihre Knoten-ID: %1</translation>
    </message>
    <message>
        <source>Choose the identity file and enter its passphrase.</source>
        <translation>Wählen Sie die Identitätsdatei und geben Sie ihre Passphrase ein.</translation>
    </message>
    <message>
        <source>Unlocking the identity file…</source>
        <translation>Die Identitätsdatei wird entsperrt …</translation>
    </message>
    <message>
        <source>Generating the key pair…</source>
        <translation>Das Schlüsselpaar wird erzeugt …</translation>
    </message>
    <message>
        <source>&amp;Unlock and import</source>
        <translation>&amp;Entsperren und importieren</translation>
    </message>
    <message>
        <source>Create the &amp;keys</source>
        <translation>&amp;Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Press “Create the keys” to create your node&apos;s key pair.</source>
        <translation>Drücken Sie „Schlüssel erzeugen“, um das Schlüsselpaar Ihres Knotens zu erzeugen.</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::NetworkPage</name>
    <message>
        <source>Valid network key (network ID %1).</source>
        <translation>Gültiger Netzschlüssel (Netz-ID %1).</translation>
    </message>
    <message>
        <source>Import member file</source>
        <translation>Mitgliedsdatei importieren</translation>
    </message>
    <message>
        <source>Orion member files (*.json *.member);;All files (*)</source>
        <translation>Orion-Mitgliedsdateien (*.json *.member);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>Signature verified: node %1 at %2, created %3.</source>
        <translation>Signatur geprüft: Knoten %1 unter %2, erstellt %3.</translation>
    </message>
    <message>
        <source>From the invite</source>
        <translation>Aus der Einladung</translation>
    </message>
    <message>
        <source>From the invite, signature verified: node %1 at %2, created %3.</source>
        <translation>Aus der Einladung, Signatur geprüft: Knoten %1 unter %2, erstellt %3.</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::PassphrasePage</name>
    <message>
        <source>Type the passphrase again to confirm it.</source>
        <translation>Geben Sie die Passphrase zur Bestätigung noch einmal ein.</translation>
    </message>
    <message>
        <source>The confirmation does not match.</source>
        <translation>Die Bestätigung stimmt nicht überein.</translation>
    </message>
    <message>
        <source>The passphrases match.</source>
        <translation>Die Passphrasen stimmen überein.</translation>
    </message>
    <message>
        <source>Orion then unlocks at start without asking. Anyone who can open your keyring can start this node.</source>
        <translation>Orion entsperrt dann beim Start ohne Nachfrage. Wer Ihren Schlüsselbund öffnen kann, kann diesen Knoten starten.</translation>
    </message>
    <message>
        <source>Not available: %1 You will enter the passphrase when Orion starts.</source>
        <translation>Nicht verfügbar: %1 Sie geben die Passphrase beim Start von Orion ein.</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::PortPage</name>
    <message>
        <source>Port %1 is free.</source>
        <translation>Port %1 ist frei.</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::SetupModel</name>
    <message>
        <source>This profile already has an identity (%1). Orion never replaces an existing identity.</source>
        <translation>Dieses Profil hat bereits eine Identität (%1). Orion ersetzt niemals eine vorhandene Identität.</translation>
    </message>
    <message>
        <source>This took too long and was stopped. Please try again.</source>
        <translation>Das hat zu lange gedauert und wurde abgebrochen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n character(s).</source>
        <translation>
            <numerusform>Die Passphrase braucht mindestens %n Zeichen.</numerusform>
            <numerusform>Die Passphrase braucht mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The confirmation does not match the passphrase.</source>
        <translation>Die Bestätigung stimmt nicht mit der Passphrase überein.</translation>
    </message>
    <message>
        <source>Paste the network key you were given.</source>
        <translation>Fügen Sie den Netzschlüssel ein, den Sie erhalten haben.</translation>
    </message>
    <message>
        <source>The setup is incomplete.</source>
        <translation>Die Einrichtung ist unvollständig.</translation>
    </message>
    <message>
        <source>The identity could not be imported: %1</source>
        <translation>Die Identität konnte nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Import the member file of a node in that network; Orion connects to it first.</source>
        <translation>Importieren Sie die Mitgliedsdatei eines Knotens in diesem Netzwerk; Orion verbindet sich zuerst mit ihm.</translation>
    </message>
    <message>
        <source>This file cannot be used as a member file: %1</source>
        <translation>Diese Datei kann nicht als Mitgliedsdatei verwendet werden: %1</translation>
    </message>
    <message>
        <source>This member file belongs to another network (ID %1…), not to the network of the key above (ID %2…). Ask for the member file of a node in that network.</source>
        <translation>Diese Mitgliedsdatei gehört zu einem anderen Netzwerk (ID %1…), nicht zum Netzwerk des Schlüssels oben (ID %2…). Bitten Sie um die Mitgliedsdatei eines Knotens in diesem Netzwerk.</translation>
    </message>
    <message>
        <source>The profile could not be set up: %1</source>
        <translation>Das Profil konnte nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <source>This invite cannot be used: %1</source>
        <translation>Diese Einladung kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>No keyring is available to remember the passphrase in.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, in dem die Passphrase gespeichert werden könnte.</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::SetupWizard</name>
    <message>
        <source>Set up Orion</source>
        <translation>Orion einrichten</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::SummaryPage</name>
    <message>
        <source>Everything is saved. Starting the node…</source>
        <translation>Alles ist gespeichert. Der Knoten wird gestartet …</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Es wurde nichts verändert: %1</translation>
    </message>
    <message>
        <source>Node ID:</source>
        <translation>Knoten-ID:</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>Identität:</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netz:</translation>
    </message>
    <message>
        <source>new network %1</source>
        <translation>neues Netz %1</translation>
    </message>
    <message>
        <source>joining network %1</source>
        <translation>Beitritt zum Netz %1</translation>
    </message>
    <message>
        <source>First peer:</source>
        <translation>Erste Gegenstelle:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Profile folder:</source>
        <translation>Profilordner:</translation>
    </message>
    <message>
        <source>Identity file:</source>
        <translation>Identitätsdatei:</translation>
    </message>
    <message>
        <source>Network key file:</source>
        <translation>Netzschlüsseldatei:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <source>The identity and the network key are encrypted with your passphrase. Keep a backup of the identity file: without it this node ID is lost.</source>
        <translation>Identität und Netzschlüssel werden mit Ihrer Passphrase verschlüsselt. Bewahren Sie eine Sicherung der Identitätsdatei auf: Ohne sie ist diese Knoten-ID verloren.</translation>
    </message>
    <message>
        <source>Identity backup</source>
        <translation>Sicherung der Identität</translation>
    </message>
    <message>
        <source>Orion identity (*.key)</source>
        <translation>Orion-Identität (*.key)</translation>
    </message>
    <message>
        <source>Encrypting and saving the keys…</source>
        <translation>Die Schlüssel werden verschlüsselt und gespeichert …</translation>
    </message>
    <message>
        <source>Your member file:</source>
        <translation>Ihre Mitgliedsdatei:</translation>
    </message>
</context>
<context>
    <name>orion::app::wizard::WelcomePage</name>
    <message>
        <source>Profile folder: %1</source>
        <translation>Profilordner: %1</translation>
    </message>
    <message>
        <source>This profile already has an identity (%1). Orion never replaces an existing identity: start Orion without the setup, or choose another profile with --profile.</source>
        <translation>Dieses Profil hat bereits eine Identität (%1). Orion ersetzt niemals eine vorhandene Identität: Starten Sie Orion ohne Einrichtung oder wählen Sie mit --profile ein anderes Profil.</translation>
    </message>
</context>
</TS>
