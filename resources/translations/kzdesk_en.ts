<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>EditCommands</name>
    <message numerus="yes">
        <source>Replace %n matches of “{text}”</source>
        <translation>
            <numerusform>Replace %n matches of “{text}”</numerusform>
            <numerusform>Replace %n matches of “{text}”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message numerus="yes">
        <source>Exported %n file(s).</source>
        <translation>
            <numerusform>Exported %n file.</numerusform>
            <numerusform>Exported %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Wrote %n file(s) to “{folder}”.</source>
        <translation>
            <numerusform>Wrote %n file to “{folder}”.</numerusform>
            <numerusform>Wrote %n files to “{folder}”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileAdder</name>
    <message numerus="yes">
        <source>%n of these recordings are already in the queue with the same settings. Transcribe them again? With SpeechKit they are billed again.</source>
        <translation>
            <numerusform>%n of these recordings is already in the queue with the same settings. Transcribe it again? With SpeechKit it is billed again.</numerusform>
            <numerusform>%n of these recordings are already in the queue with the same settings. Transcribe them again? With SpeechKit they are billed again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n recording(s)</source>
        <translation>
            <numerusform>Added %n recording</numerusform>
            <numerusform>Added %n recordings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %n file(s) that are not audio or video</source>
        <translation>
            <numerusform>skipped %n file that are not audio or video</numerusform>
            <numerusform>skipped %n files that are not audio or video</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindSpeakersController</name>
    <message numerus="yes">
        <source>Found %n speaker(s). Undo brings the previous speakers back.</source>
        <translation>
            <numerusform>Found %n speaker. Undo brings the previous speakers back.</numerusform>
            <numerusform>Found %n speakers. Undo brings the previous speakers back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobActions</name>
    <message numerus="yes">
        <source>%n transcripts will be lost. Remove them from the queue?</source>
        <translation>
            <numerusform>%n transcript will be lost. Remove it from the queue?</numerusform>
            <numerusform>%n transcripts will be lost. Remove them from the queue?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exactly %n people…</source>
        <translation>
            <numerusform>Exactly %n person…</numerusform>
            <numerusform>Exactly %n people…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n recording(s) are still being transcribed. Close kzdesk anyway? They continue where they stopped the next time you open it.</source>
        <translation>
            <numerusform>%n recording is still being transcribed. Close kzdesk anyway? It continues where it stopped the next time you open it.</numerusform>
            <numerusform>%n recordings are still being transcribed. Close kzdesk anyway? They continue where they stopped the next time you open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proofreading</name>
    <message numerus="yes">
        <source>%n uncertain word(s) left</source>
        <translation>
            <numerusform>%n uncertain word left</numerusform>
            <numerusform>%n uncertain words left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message numerus="yes">
        <source>Merged {removed} into {kept}: %n phrase(s) moved. Undo brings them back.</source>
        <translation>
            <numerusform>Merged {removed} into {kept}: %n phrase moved. Undo brings them back.</numerusform>
            <numerusform>Merged {removed} into {kept}: %n phrases moved. Undo brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) transcribed</source>
        <translation>
            <numerusform>%n recording transcribed</numerusform>
            <numerusform>%n recordings transcribed</numerusform>
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
        <source>Nothing was transcribed: %n recording(s) cancelled.</source>
        <translation>
            <numerusform>Nothing was transcribed: %n recording cancelled.</numerusform>
            <numerusform>Nothing was transcribed: %n recordings cancelled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was transcribed: %n recording(s) failed.</source>
        <translation>
            <numerusform>Nothing was transcribed: %n recording failed.</numerusform>
            <numerusform>Nothing was transcribed: %n recordings failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n min left</source>
        <translation>
            <numerusform>at least %n min left</numerusform>
            <numerusform>at least %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>today %n min of audio</source>
        <translation>
            <numerusform>today %n min of audio</numerusform>
            <numerusform>today %n min of audio</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VoiceListModel</name>
    <message numerus="yes">
        <source>Saved {date} from %n recording(s)</source>
        <translation>
            <numerusform>Saved {date} from %n recording</numerusform>
            <numerusform>Saved {date} from %n recordings</numerusform>
        </translation>
    </message>
</context>
</TS>
