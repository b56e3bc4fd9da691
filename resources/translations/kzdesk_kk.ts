<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>About</name>
    <message>
        <source>Third-party licences</source>
        <translation>Үшінші тарап лицензиялары</translation>
    </message>
    <message>
        <source>Transcripts of Kazakh and Russian recordings, with speakers, editing and export.</source>
        <translation>Қазақ және орыс тіліндегі жазбаларды сөйлеушілерге бөліп мәтінге түсіру, өңдеу және экспорттау.</translation>
    </message>
    <message>
        <source>kzdesk uses Qt (LGPL-3.0), FFmpeg (LGPL/GPL), Whisper models (MIT), the speaker models pyannote segmentation-3.0 (MIT, © CNRS) and CAM++ of 3D-Speaker (Apache-2.0), and other open-source software under their own licences.</source>
        <translation>kzdesk Qt (LGPL-3.0), FFmpeg (LGPL/GPL), Whisper модельдерін (MIT), сөйлеушілерді табатын pyannote segmentation-3.0 (MIT, © CNRS) және 3D-Speaker жобасының CAM++ (Apache-2.0) модельдерін, сондай-ақ өз лицензиялары бойынша басқа да ашық бағдарламаларды пайдаланады.</translation>
    </message>
    <message>
        <source>kzdesk {version}</source>
        <translation>kzdesk {version}</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <source>Add files…</source>
        <translation>Файлдар қосу…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Қалта қосу…</translation>
    </message>
    <message>
        <source>Drop recordings here — audio or video, any format</source>
        <translation>Жазбаларды осында сүйреп әкеліңіз — аудио не бейне, кез келген пішім</translation>
    </message>
    <message>
        <source>Whole folders work too: everything that is not a recording is skipped.</source>
        <translation>Тұтас қалталарды да қосуға болады: жазба емес файлдар өткізіліп жіберіледі.</translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message>
        <source>Accept all glossary suggestions ({count})</source>
        <translation>Глоссарийдің барлық ұсынысын қабылдау ({count})</translation>
    </message>
    <message>
        <source>Add a speaker</source>
        <translation>Сөйлеуші қосу</translation>
    </message>
    <message>
        <source>Add speaker {name}</source>
        <translation>Сөйлеуші қосу: {name}</translation>
    </message>
    <message>
        <source>Delete the phrase at {time}</source>
        <translation>{time} кезіндегі фразаны жою</translation>
    </message>
    <message>
        <source>Edit the phrase at {time}</source>
        <translation>{time} кезіндегі фразаны өңдеу</translation>
    </message>
    <message>
        <source>Find speakers again</source>
        <translation>Сөйлеушілерді қайта табу</translation>
    </message>
    <message>
        <source>Give the phrase at {time} to {name}</source>
        <translation>{time} кезіндегі фразаны сөйлеушіге беру: {name}</translation>
    </message>
    <message>
        <source>Keep “{found}” (ignore the glossary suggestion)</source>
        <translation>«{found}» қалсын (глоссарий ұсынысын елемеу)</translation>
    </message>
    <message>
        <source>Mark the phrase at {time} as {language}</source>
        <translation>{time} кезіндегі фразаны {language} деп белгілеу</translation>
    </message>
    <message>
        <source>Mark words as checked in the phrase at {time}</source>
        <translation>{time} фразасындағы сөздерді тексерілген деп белгілеу</translation>
    </message>
    <message>
        <source>Merge the phrase at {time} with the next</source>
        <translation>{time} кезіндегі фразаны келесісімен біріктіру</translation>
    </message>
    <message>
        <source>Merge {removed} into {kept}</source>
        <translation>{removed} сөйлеушісін {kept} сөйлеушісіне біріктіру</translation>
    </message>
    <message>
        <source>Move the end of the phrase at {time} by {delta} ms</source>
        <translation>{time} кезіндегі фразаның соңын {delta} мс жылжыту</translation>
    </message>
    <message>
        <source>Move the phrase at {time}</source>
        <translation>{time} кезіндегі фразаны жылжыту</translation>
    </message>
    <message>
        <source>Move the start of the phrase at {time} by {delta} ms</source>
        <translation>{time} кезіндегі фразаның басын {delta} мс жылжыту</translation>
    </message>
    <message>
        <source>Recognise the phrase at {time} again in {language}</source>
        <translation>{time} фразасын қайта тану ({language})</translation>
    </message>
    <message>
        <source>Remove the speaker of the phrase at {time}</source>
        <translation>{time} кезіндегі фразаның сөйлеушісін алып тастау</translation>
    </message>
    <message>
        <source>Rename speaker to {name}</source>
        <translation>Сөйлеушінің атын өзгерту: {name}</translation>
    </message>
    <message numerus="yes">
        <source>Replace %n matches of “{text}”</source>
        <translation>
            <numerusform>“{text}” сәйкестіктерін ауыстыру: %n</numerusform>
            <numerusform>“{text}” сәйкестіктерін ауыстыру: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace 1 match of “{text}”</source>
        <translation>“{text}” мәтінінің 1 сәйкестігін ауыстыру</translation>
    </message>
    <message>
        <source>Replace “{found}” with “{replacement}” in the phrase at {time}</source>
        <translation>{time} кезіндегі фразада “{found}” мәтінін “{replacement}” мәтініне ауыстыру</translation>
    </message>
    <message>
        <source>Replace “{found}” with “{term}” from the glossary</source>
        <translation>«{found}» орнына глоссарийден «{term}» қою</translation>
    </message>
    <message>
        <source>Split the phrase at {time}</source>
        <translation>{time} кезіндегі фразаны бөлу</translation>
    </message>
    <message>
        <source>The last change could not be saved to disk. Check that the disk has free space, then make any edit again to save the transcript.</source>
        <translation>Соңғы өзгеріс дискіге сақталмады. Дискіде бос орын бар-жоғын тексеріп, транскриптті сақтау үшін кез келген өзгерісті қайта жасаңыз.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>&amp;Edit</source>
        <translation>Тү&amp;зету</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Give phrase to</source>
        <translation>Фразаны &amp;беру</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Ойнату</translation>
    </message>
    <message>
        <source>&amp;Speakers</source>
        <translation>&amp;Сөйлеушілер</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Өзгерістер сақталмады</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Delete phrase</source>
        <translation>Фразаны жою</translation>
    </message>
    <message>
        <source>Edit and split the phrase</source>
        <translation>Фразаны өңдеу және бөлу</translation>
    </message>
    <message>
        <source>Edit phrase text</source>
        <translation>Фраза мәтінін өңдеу</translation>
    </message>
    <message>
        <source>End 0.1 s earlier</source>
        <translation>Соңы 0,1 с ертерек</translation>
    </message>
    <message>
        <source>End 0.1 s later</source>
        <translation>Соңы 0,1 с кейінірек</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s).</source>
        <translation>
            <numerusform>%n файл экспортталды.</numerusform>
            <numerusform>%n файл экспортталды.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Келесіні табу</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Алдыңғыны табу</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Табу…</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақ тілі</translation>
    </message>
    <message>
        <source>Merge with next phrase</source>
        <translation>Келесі фразамен біріктіру</translation>
    </message>
    <message>
        <source>NOT SAVED</source>
        <translation>САҚТАЛМАДЫ</translation>
    </message>
    <message>
        <source>No waveform: the recording cannot be read.</source>
        <translation>Дыбыс толқыны жоқ: жазбаны оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Сақталмады</translation>
    </message>
    <message>
        <source>Other language…</source>
        <translation>Басқа тіл…</translation>
    </message>
    <message>
        <source>Phrase &amp;language</source>
        <translation>Фраза &amp;тілі</translation>
    </message>
    <message>
        <source>Phrase &amp;timing</source>
        <translation>Фраза &amp;уақыты</translation>
    </message>
    <message>
        <source>Play from this phrase</source>
        <translation>Осы фразадан бастап ойнату</translation>
    </message>
    <message>
        <source>Put the cursor where the phrase should be split, then press Ctrl+Enter.</source>
        <translation>Курсорды фраза бөлінетін жерге қойып, Ctrl+Enter басыңыз.</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Redo {what}</source>
        <translation>Қайтару: {what}</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ауыстыру…</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орыс тілі</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Сақталды: {time}</translation>
    </message>
    <message>
        <source>Split phrase at cursor</source>
        <translation>Фразаны курсор тұрған жерден бөлу</translation>
    </message>
    <message>
        <source>Start 0.1 s earlier</source>
        <translation>Басы 0,1 с ертерек</translation>
    </message>
    <message>
        <source>Start 0.1 s later</source>
        <translation>Басы 0,1 с кейінірек</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>Болдырмау: {what}</translation>
    </message>
    <message>
        <source>kzdesk cannot write the latest changes of this transcript to disk (the disk may be full or not available). If you close the window now, they are lost. Free some space and keep the window open to save them with the next change.</source>
        <translation>kzdesk бұл транскрипттің соңғы өзгерістерін дискіге жаза алмайды (диск толып қалған немесе қолжетімсіз болуы мүмкін). Терезені қазір жапсаңыз, олар жоғалады. Орын босатып, терезені жаппаңыз — өзгерістер келесі түзетумен бірге сақталады.</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>сақталды</translation>
    </message>
    <message>
        <source>{title} — {state} — kzdesk</source>
        <translation>{title} — {state} — kzdesk</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Жабу</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорттау</translation>
    </message>
    <message>
        <source>&amp;Join consecutive phrases of one speaker</source>
        <translation>Бір сөйлеушінің қатар тұрған фразаларын &amp;біріктіру</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Қалтаны ашу</translation>
    </message>
    <message>
        <source>&amp;Time before each paragraph</source>
        <translation>Әр абзац алдында &amp;уақыт</translation>
    </message>
    <message>
        <source>A file name cannot hold any of these: &lt; &gt; : &quot; / \ | ? *</source>
        <translation>Файл атауында мына таңбалар болмауы керек: &lt; &gt; : &quot; / \ | ? *</translation>
    </message>
    <message>
        <source>Choose the folder for the files.</source>
        <translation>Файлдарға арналған қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Could not write “{name}” in “{folder}” ({reason}). Choose another folder and export again.</source>
        <translation>“{name}” файлын “{folder}” қалтасына жазу мүмкін болмады ({reason}). Басқа қалтаны таңдап, қайта экспорттаңыз.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Пішімдер</translation>
    </message>
    <message>
        <source>Puts “Name:” before the first cue of each speaker&apos;s turn. VTT files always carry the speaker as a voice tag.</source>
        <translation>Әр сөйлеушінің кезегіндегі бірінші титрдің алдына “Аты:” қояды. VTT файлдарында сөйлеуші әрқашан дауыс тегі ретінде беріледі.</translation>
    </message>
    <message>
        <source>Speaker &amp;names on SRT cues</source>
        <translation>SRT титрлерінде сөйлеуші &amp;аттары</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>Субтитрлер</translation>
    </message>
    <message>
        <source>The export failed unexpectedly. Try again; the log file has the details.</source>
        <translation>Экспорт күтпеген жерден сәтсіз аяқталды. Қайталап көріңіз; толығырақ журнал файлында.</translation>
    </message>
    <message>
        <source>Tick at least one format.</source>
        <translation>Кемінде бір пішімді белгілеңіз.</translation>
    </message>
    <message>
        <source>Type a file name.</source>
        <translation>Файл атауын жазыңыз.</translation>
    </message>
    <message>
        <source>Word and text</source>
        <translation>Word және мәтін</translation>
    </message>
    <message>
        <source>Writing %v of %m…</source>
        <translation>Жазылуда: %v / %m…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to “{folder}”.</source>
        <translation>
            <numerusform>“{folder}” қалтасына %n файл жазылды.</numerusform>
            <numerusform>“{folder}” қалтасына %n файл жазылды.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” is a file, not a folder.</source>
        <translation>“{0}” — қалта емес, файл.</translation>
    </message>
</context>
<context>
    <name>ExportFormats</name>
    <message>
        <source>&amp;VTT subtitles</source>
        <translation>&amp;VTT субтитрлері</translation>
    </message>
    <message>
        <source>&amp;Word (.docx)</source>
        <translation>&amp;Word (.docx)</translation>
    </message>
    <message>
        <source>JSO&amp;N</source>
        <translation>JSO&amp;N</translation>
    </message>
    <message>
        <source>Plain te&amp;xt</source>
        <translation>&amp;Қарапайым мәтін</translation>
    </message>
    <message>
        <source>RTT&amp;M speaker turns</source>
        <translation>RTT&amp;M сөйлеушілер кезегі</translation>
    </message>
    <message>
        <source>S&amp;RT subtitles</source>
        <translation>S&amp;RT субтитрлері</translation>
    </message>
</context>
<context>
    <name>ExportOutputGroup</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Шолу…</translation>
    </message>
    <message>
        <source>Already in the folder: {names}.</source>
        <translation>Қалтада бұрыннан бар: {names}.</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Сақтау қалтасын таңдаңыз</translation>
    </message>
    <message>
        <source>File na&amp;me:</source>
        <translation>Файл &amp;атауы:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Файлдар:</translation>
    </message>
    <message>
        <source>Fol&amp;der:</source>
        <translation>Қ&amp;алта:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Re&amp;place them</source>
        <translation>Ауыст&amp;ыру</translation>
    </message>
    <message>
        <source>Save with ne&amp;w names</source>
        <translation>Жаңа атпен са&amp;қтау</translation>
    </message>
</context>
<context>
    <name>ExportSettingsPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Шолу…</translation>
    </message>
    <message>
        <source>&amp;Export when done:</source>
        <translation>Дайын болғанда &amp;экспорттау:</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Сақтау қалтасын таңдаңыз</translation>
    </message>
    <message>
        <source>Language of exports</source>
        <translation>Экспорт тілі</translation>
    </message>
    <message>
        <source>Next to each recording</source>
        <translation>Әр жазбаның қасында</translation>
    </message>
    <message>
        <source>Output fol&amp;der:</source>
        <translation>Сақтау қ&amp;алтасы:</translation>
    </message>
    <message>
        <source>Same as the interface</source>
        <translation>Интерфейс тілімен бірдей</translation>
    </message>
    <message>
        <source>Subtitle rules (SRT and VTT)</source>
        <translation>Субтитр ережелері (SRT және VTT)</translation>
    </message>
    <message>
        <source>The headings of Word files (Source file, Date, Speakers) and the names of speakers nobody renamed (Speaker 1, Channel 2) are written in this language.</source>
        <translation>Word файлдарының тақырыптары (Бастапқы файл, Күні, Сөйлеушілер) және ешкім атын өзгертпеген сөйлеушілердің аттары (Сөйлеуші 1, Арна 2) осы тілде жазылады.</translation>
    </message>
    <message>
        <source>Used by every subtitle export, the automatic ones too; the editor&apos;s Export dialog starts from them.</source>
        <translation>Барлық субтитр экспортына, соның ішінде автоматты экспортқа да қолданылады; редактордағы Экспорт терезесі осылардан басталады.</translation>
    </message>
    <message>
        <source>When a recording is done</source>
        <translation>Жазба дайын болғанда</translation>
    </message>
    <message>
        <source>Wor&amp;ds in exports:</source>
        <translation>Экспорттағы &amp;сөздер:</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Channel {number}</source>
        <translation>Арна {number}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Ұзақтығы</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Бастапқы файл</translation>
    </message>
    <message>
        <source>Speaker {number}</source>
        <translation>Сөйлеуші {number}</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Сөйлеушілер</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Транскрипт</translation>
    </message>
</context>
<context>
    <name>FailureDetails</name>
    <message>
        <source>Remove</source>
        <translation>Өшіру</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Қалтада көрсету</translation>
    </message>
    <message>
        <source>Waiting to retry. {sentence}</source>
        <translation>Қайталауды күтуде. {sentence}</translation>
    </message>
    <message>
        <source>“{name}”: {sentence}</source>
        <translation>«{name}»: {sentence}</translation>
    </message>
</context>
<context>
    <name>FileAdder</name>
    <message numerus="yes">
        <source>%n of these recordings are already in the queue with the same settings. Transcribe them again? With SpeechKit they are billed again.</source>
        <translation>
            <numerusform>Бұл жазбалардың %n-і кезекте дәл осы баптаулармен бар. Оларды қайта тану керек пе? SpeechKit оларға қайта ақы алады.</numerusform>
            <numerusform>Бұл жазбалардың %n-і кезекте дәл осы баптаулармен бар. Оларды қайта тану керек пе? SpeechKit оларға қайта ақы алады.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a folder of recordings</source>
        <translation>Жазбалар қалтасын қосу</translation>
    </message>
    <message>
        <source>Add recordings</source>
        <translation>Жазбаларды қосу</translation>
    </message>
    <message numerus="yes">
        <source>Added %n recording(s)</source>
        <translation>
            <numerusform>%n жазба қосылды</numerusform>
            <numerusform>%n жазба қосылды</numerusform>
        </translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Барлық файлдар</translation>
    </message>
    <message>
        <source>Already in the queue</source>
        <translation>Кезекте бар</translation>
    </message>
    <message>
        <source>Audio and video</source>
        <translation>Аудио және бейне</translation>
    </message>
    <message>
        <source>No recordings were added</source>
        <translation>Ешбір жазба қосылмады</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n file(s) that are not audio or video</source>
        <translation>
            <numerusform>аудио не бейне емес %n файл өткізілді</numerusform>
            <numerusform>аудио не бейне емес %n файл өткізілді</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” is already in the queue (#{number}) with the same settings. Transcribe it again? With SpeechKit it is billed again.</source>
        <translation>«{name}» кезекте (№{number}) дәл осы баптаулармен бар. Оны қайта тану керек пе? SpeechKit оған қайта ақы алады.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n сәйкестік</numerusform>
            <numerusform>%n сәйкестік</numerusform>
        </translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Жабу (Esc)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Әріп регистрін ескеру</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Келесі сәйкестік (F3)</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Ештеңе табылмады</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Алдыңғы сәйкестік (Shift+F3)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ауыстыру</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Барлығын ауыстыру</translation>
    </message>
    <message>
        <source>Replace every match; one step to undo</source>
        <translation>Барлық сәйкестікті ауыстыру; бір әрекетпен болдырмауға болады</translation>
    </message>
    <message>
        <source>Replace this match and go to the next</source>
        <translation>Осы сәйкестікті ауыстырып, келесісіне өту</translation>
    </message>
    <message>
        <source>Use a regular expression; the replacement may refer to its groups as \1 or \g&lt;name&gt;</source>
        <translation>Тұрақты өрнекті қолдану; ауыстыру мәтінінде оның топтарына \1 немесе \g&lt;name&gt; арқылы сілтеуге болады</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Тек тұтас сөздер</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} / {total}</translation>
    </message>
</context>
<context>
    <name>FindSpeakersController</name>
    <message>
        <source>&amp;Find speakers again…</source>
        <translation>Сөйлеушілерді &amp;қайта табу…</translation>
    </message>
    <message>
        <source>Finding speakers…</source>
        <translation>Сөйлеушілер ізделуде…</translation>
    </message>
    <message>
        <source>Finding speakers… {percent}%</source>
        <translation>Сөйлеушілер ізделуде… {percent}%</translation>
    </message>
    <message numerus="yes">
        <source>Found %n speaker(s). Undo brings the previous speakers back.</source>
        <translation>
            <numerusform>%n сөйлеуші табылды. Болдырмау бұрынғы сөйлеушілерді қайтарады.</numerusform>
            <numerusform>%n сөйлеуші табылды. Болдырмау бұрынғы сөйлеушілерді қайтарады.</numerusform>
        </translation>
    </message>
    <message>
        <source>Listen to the recording again and give every phrase its speaker</source>
        <translation>Жазбаны қайта тыңдап, әр фразаға сөйлеушісін белгілеу</translation>
    </message>
    <message>
        <source>The recording is not available any more, so its speakers cannot be found again. Put the original file back where it was.</source>
        <translation>Жазба енді қолжетімсіз, сондықтан сөйлеушілерді қайта табу мүмкін емес. Түпнұсқа файлды бұрынғы орнына қайтарыңыз.</translation>
    </message>
</context>
<context>
    <name>FindSpeakersDialog</name>
    <message>
        <source>&amp;Automatic</source>
        <translation>&amp;Автоматты</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>&amp;Аралығы</translation>
    </message>
    <message>
        <source>&amp;Exactly</source>
        <translation>&amp;Дәл</translation>
    </message>
    <message>
        <source>&amp;Find speakers</source>
        <translation>Сөйлеушілерді &amp;табу</translation>
    </message>
    <message>
        <source>Find speakers again</source>
        <translation>Сөйлеушілерді қайта табу</translation>
    </message>
    <message>
        <source>and</source>
        <translation>және</translation>
    </message>
    <message>
        <source>kzdesk listens to the recording again and gives every phrase its speaker. Names you gave stay with the voices they belong to. Undo brings the current speakers back.</source>
        <translation>kzdesk жазбаны қайта тыңдап, әр фразаға сөйлеушісін белгілейді. Сіз берген есімдер өз дауыстарында қалады. Болдырмау қазіргі сөйлеушілерді қайтарады.</translation>
    </message>
    <message>
        <source>people</source>
        <translation>адам</translation>
    </message>
</context>
<context>
    <name>FirstRunBanner</name>
    <message>
        <source>&lt;b&gt;Add your SpeechKit API key to start transcribing.&lt;/b&gt; SpeechKit is Yandex Cloud&apos;s speech recognition service; the key lets kzdesk send recordings to your Yandex Cloud account. Or choose the offline engine in Settings to transcribe on this computer without an account. You can still add files, edit and export transcripts in the meantime.</source>
        <translation>&lt;b&gt;Мәтінге түсіруді бастау үшін SpeechKit API кілтін қосыңыз.&lt;/b&gt; SpeechKit — Yandex Cloud-тың сөйлеуді тану қызметі; кілт арқылы kzdesk жазбаларды сіздің Yandex Cloud аккаунтыңызға жібере алады. Немесе аккаунтсыз, осы компьютердің өзінде мәтінге түсіру үшін баптауларда офлайн тануды таңдаңыз. Әзірге файлдарды қосып, транскрипттерді өңдеуге және экспорттауға болады.</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Бұл хабарды жасыру</translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation>&amp;Баптауларды ашу</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>&amp;Names and terms of this recording, one a line:</source>
        <translation>Осы жазбадағы &amp;атаулар мен терминдер, әр жолға біреуден:</translation>
    </message>
    <message>
        <source>Added to the glossary in Settings for this recording only. The offline engine listens for them (when the recording is transcribed again), and the editor suggests them where a word looks like one.</source>
        <translation>Баптаулардағы глоссарийге тек осы жазба үшін қосылады. Офлайн қозғалтқыш оларды тыңдайды (жазба қайта танылғанда), ал редактор сөз соларға ұқсаған жерде оларды ұсынады.</translation>
    </message>
    <message>
        <source>Glossary of “{name}”</source>
        <translation>«{name}» глоссарийі</translation>
    </message>
</context>
<context>
    <name>JobActions</name>
    <message numerus="yes">
        <source>%n transcripts will be lost. Remove them from the queue?</source>
        <translation>
            <numerusform>%n транскрипт жоғалады. Оларды кезектен алып тастау керек пе?</numerusform>
            <numerusform>%n транскрипт жоғалады. Оларды кезектен алып тастау керек пе?</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматты түрде</translation>
    </message>
    <message>
        <source>Between {low} and {high} people</source>
        <translation>{low}–{high} адам</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Тоқтату</translation>
    </message>
    <message>
        <source>Each channel is a person</source>
        <translation>Әр арна — жеке адам</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Тану жүйесі</translation>
    </message>
    <message numerus="yes">
        <source>Exactly %n people…</source>
        <translation>
            <numerusform>Дәл %n адам…</numerusform>
            <numerusform>Дәл %n адам…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exactly N people…</source>
        <translation>Адамдардың нақты саны…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Exported {names} to {folder}</source>
        <translation>Экспортталды: {names} (қалта: {folder})</translation>
    </message>
    <message>
        <source>Glossary…</source>
        <translation>Глоссарий…</translation>
    </message>
    <message>
        <source>How many people speak in this recording?</source>
        <translation>Бұл жазбада неше адам сөйлейді?</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақ тілі</translation>
    </message>
    <message>
        <source>Kazakh + Russian</source>
        <translation>Қазақ + орыс</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Number of speakers</source>
        <translation>Сөйлеушілер саны</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Өшірулі</translation>
    </message>
    <message>
        <source>Open transcript</source>
        <translation>Транскриптті ашу</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>Кезектен алып тастау</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орыс тілі</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Қалтада көрсету</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Сөйлеушілер</translation>
    </message>
    <message>
        <source>The folder “{folder}” no longer exists.</source>
        <translation>“{folder}” қалтасы енді жоқ.</translation>
    </message>
    <message>
        <source>The transcript of “{name}” will be lost. Remove it from the queue?</source>
        <translation>“{name}” транскрипті жоғалады. Оны кезектен алып тастау керек пе?</translation>
    </message>
    <message>
        <source>“{name}” has no transcript yet.</source>
        <translation>“{name}” үшін транскрипт әлі жоқ.</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n адам</numerusform>
            <numerusform>%n адам</numerusform>
        </translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 адам</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматты</translation>
    </message>
    <message>
        <source>Between {low} and {high} people</source>
        <translation>{low}–{high} адам</translation>
    </message>
    <message>
        <source>Converting {percent}%</source>
        <translation>Түрлендірілуде {percent}%</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Құны</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Автоматты анықтау</translation>
    </message>
    <message>
        <source>Done {time}</source>
        <translation>Дайын {time}</translation>
    </message>
    <message>
        <source>Downloading model {percent}%</source>
        <translation>Модель жүктелуде {percent}%</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Ұзақтығы</translation>
    </message>
    <message>
        <source>Each channel is a person</source>
        <translation>Әр арна — жеке адам</translation>
    </message>
    <message>
        <source>Estimated cost at {price} {currency} per minute</source>
        <translation>Минутына {price} {currency} бағасымен болжамды құн</translation>
    </message>
    <message>
        <source>Exactly {count} people</source>
        <translation>Дәл {count} адам</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Finding speakers {percent}%</source>
        <translation>Сөйлеушілер анықталуда {percent}%</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Аяқталды</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақ тілі</translation>
    </message>
    <message>
        <source>Kazakh + Russian</source>
        <translation>Қазақ + орыс</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>No speaker labels</source>
        <translation>Сөйлеушілер белгіленбейді</translation>
    </message>
    <message>
        <source>Paused: {reason}</source>
        <translation>Кідіртілді: {reason}</translation>
    </message>
    <message>
        <source>Recognizing {percent}%</source>
        <translation>Танылуда {percent}%</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орыс тілі</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Сөйлеушілер</translation>
    </message>
    <message>
        <source>Speakers labelled automatically</source>
        <translation>Сөйлеушілер автоматты түрде белгіленеді</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Transcribing on this computer {percent}%</source>
        <translation>Осы компьютерде танылуда {percent}%</translation>
    </message>
    <message>
        <source>Waiting for the offline engine (another file is being transcribed)</source>
        <translation>Офлайн қозғалтқышты күту (басқа файл танылуда)</translation>
    </message>
    <message>
        <source>Waiting to retry: {reason}</source>
        <translation>Қайталауды күтуде: {reason}</translation>
    </message>
    <message>
        <source>about {left} left</source>
        <translation>шамамен {left} қалды</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>арналар</translation>
    </message>
    <message>
        <source>off</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>taking longer than usual</source>
        <translation>әдеттегіден ұзаққа созылып жатыр</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{total} ішінен {done}</translation>
    </message>
    <message>
        <source>{elapsed} elapsed</source>
        <translation>{elapsed} өтті</translation>
    </message>
</context>
<context>
    <name>KeyField</name>
    <message>
        <source>Hid&amp;e</source>
        <translation>Жа&amp;сыру</translation>
    </message>
    <message>
        <source>Keep it in a file only my &amp;user can read (not encrypted)</source>
        <translation>Тек менің &amp;пайдаланушым оқи алатын файлда сақтау (шифрланбайды)</translation>
    </message>
    <message>
        <source>Keep the key for this &amp;session only</source>
        <translation>Кілтті тек осы &amp;сеанс бойы сақтау</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Кө&amp;рсету</translation>
    </message>
    <message>
        <source>The key could not be written to “{0}” ({1}). It is kept for this session only; choose that option or fix the folder&apos;s permissions.</source>
        <translation>Кілтті “{0}” ішіне жазу мүмкін болмады ({1}). Ол тек осы сеанс бойы сақталады; сол нұсқаны таңдаңыз немесе қалтаның рұқсаттарын түзетіңіз.</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring, never in kzdesk&apos;s settings.</source>
        <translation>Кілт жүйенің кілттер қоймасында сақталады, kzdesk баптауларында ешқашан сақталмайды.</translation>
    </message>
    <message>
        <source>The system keyring did not accept the key. Unlock the keyring (log in to your desktop session) and try again.</source>
        <translation>Жүйенің кілттер қоймасы кілтті қабылдамады. Қойманың құлпын ашып (жұмыс үстелі сеансына кіріңіз), қайталап көріңіз.</translation>
    </message>
    <message>
        <source>This computer offers no system keyring, so kzdesk cannot store the key encrypted. Choose where to keep it:</source>
        <translation>Бұл компьютерде жүйелік кілттер қоймасы жоқ, сондықтан kzdesk кілтті шифрлап сақтай алмайды. Оны қайда сақтау керектігін таңдаңыз:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n recording(s) are still being transcribed. Close kzdesk anyway? They continue where they stopped the next time you open it.</source>
        <translation>
            <numerusform>%n жазба әлі мәтінге түсірілуде. Бәрібір kzdesk-ті жабу керек пе? Келесі ашқанда олар тоқтаған жерінен жалғасады.</numerusform>
            <numerusform>%n жазба әлі мәтінге түсірілуде. Бәрібір kzdesk-ті жабу керек пе? Келесі ашқанда олар тоқтаған жерінен жалғасады.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Тү&amp;зету</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Кезек</translation>
    </message>
    <message>
        <source>About kzdesk</source>
        <translation>kzdesk туралы</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Файлдар қосу…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Қалта қосу…</translation>
    </message>
    <message>
        <source>Close kzdesk</source>
        <translation>kzdesk-ті жабу</translation>
    </message>
    <message>
        <source>Known voices…</source>
        <translation>Таныс дауыстар…</translation>
    </message>
    <message>
        <source>Language for new files:</source>
        <translation>Жаңа файлдардың тілі:</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Журнал қалтасын ашу</translation>
    </message>
    <message>
        <source>Pause queue</source>
        <translation>Кезекті кідірту</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Resume queue</source>
        <translation>Кезекті жалғастыру</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Барлығын таңдау</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Баптаулар…</translation>
    </message>
    <message>
        <source>The language of recordings added from now on (the default is in Settings).</source>
        <translation>Осы сәттен бастап қосылатын жазбалардың тілі (әдепкі мәні — баптауларда).</translation>
    </message>
    <message>
        <source>This window runs the queue now.</source>
        <translation>Енді кезекті осы терезе орындайды.</translation>
    </message>
    <message>
        <source>Transcribing recordings</source>
        <translation>Жазбалар мәтінге түсірілуде</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>A folder ID has only Latin letters and digits, like b1g2abc3def4.</source>
        <translation>Қалта ID тек латын әріптері мен цифрлардан тұрады, мысалы: b1g2abc3def4.</translation>
    </message>
    <message>
        <source>A phrase can only be split between two of its words.</source>
        <translation>Фразаны тек оның екі сөзінің арасынан бөлуге болады.</translation>
    </message>
    <message>
        <source>A phrase must stay at least {ms} ms long, so it cannot be shortened.</source>
        <translation>Фраза кемінде {ms} мс болуы керек, сондықтан оны бұдан әрі қысқартуға болмайды.</translation>
    </message>
    <message>
        <source>A speaker cannot be merged with themselves.</source>
        <translation>Сөйлеушіні өзімен біріктіру мүмкін емес.</translation>
    </message>
    <message>
        <source>A speaker needs a name. Type at least one letter.</source>
        <translation>Сөйлеушінің аты болуы керек. Кемінде бір әріп жазыңыз.</translation>
    </message>
    <message>
        <source>Another kzdesk is working on this queue.</source>
        <translation>Бұл кезекпен басқа kzdesk жұмыс істеп жатыр.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Тоқтатылды</translation>
    </message>
    <message>
        <source>Cannot find host {host}; check the address (if it is right, check the network&apos;s name server settings).</source>
        <translation>{host} хосты табылмады; мекенжайды тексеріңіз (ол дұрыс болса, желінің атау серверінің (DNS) баптауларын тексеріңіз).</translation>
    </message>
    <message>
        <source>Cannot reach SpeechKit. Check the internet connection; the job will continue when the connection is back.</source>
        <translation>SpeechKit-ке қосылу мүмкін емес. Интернет байланысын тексеріңіз; байланыс қалпына келгенде тапсырма жалғасады.</translation>
    </message>
    <message>
        <source>Choose SpeechKit, the offline engine or a transcription server.</source>
        <translation>SpeechKit-ті, офлайн тануды немесе тану серверін таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose a Whisper model for the offline engine.</source>
        <translation>Офлайн тану үшін Whisper моделін таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>Тілді тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose how speakers are labelled from the list.</source>
        <translation>Сөйлеушілерді белгілеу тәсілін тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose the language of exports from the list.</source>
        <translation>Экспорт тілін тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose where the offline engine runs from the list.</source>
        <translation>Офлайн тану орындалатын құрылғыны тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>Converting</source>
        <translation>Түрлендірілуде</translation>
    </message>
    <message>
        <source>Could not write the export to “{target}” ({reason}). Choose another output folder.</source>
        <translation>Экспортты “{target}” ішіне жазу мүмкін болмады ({reason}). Басқа сақтау қалтасын таңдаңыз.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <source>Enter the name of the model the server uses, such as whisper-1.</source>
        <translation>Сервер қолданатын модельдің атын енгізіңіз, мысалы whisper-1.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Қате</translation>
    </message>
    <message>
        <source>Hugging Face refused the download of “{name}”. Try again later, or choose a model folder that is on this computer.</source>
        <translation>Hugging Face “{name}” моделін жүктеуге рұқсат бермеді. Кейінірек қайталап көріңіз немесе осы компьютердегі модель қалтасын таңдаңыз.</translation>
    </message>
    <message>
        <source>No SpeechKit API key is set. Open Settings and paste a key.</source>
        <translation>SpeechKit API кілті орнатылмаған. Баптауларды ашып, кілтті қойыңыз.</translation>
    </message>
    <message>
        <source>No SpeechKit API key is set. Open Settings and paste the key of your Yandex Cloud service account (or set {variable} for scripts).</source>
        <translation>SpeechKit API кілті орнатылмаған. Баптауларды ашып, Yandex Cloud сервистік аккаунтыңыздың кілтін қойыңыз (скриптер үшін {variable} айнымалысын орнатуға болады).</translation>
    </message>
    <message>
        <source>No phrase contains the search text, so nothing was replaced.</source>
        <translation>Ешбір фразада ізделген мәтін жоқ, сондықтан ештеңе ауыстырылмады.</translation>
    </message>
    <message>
        <source>No speech was found in this recording. Check that it is the right file and not silent.</source>
        <translation>Бұл жазбадан сөйлеу табылмады. Файлдың дұрыс екенін және оның дыбыссыз емес екенін тексеріңіз.</translation>
    </message>
    <message>
        <source>No transcription server is set. Enter its address in Settings → Server (or run “kzdesk config server_url http://…”).</source>
        <translation>Тану сервері көрсетілмеген. Оның мекенжайын “Баптаулар → Сервер” бөлімінде енгізіңіз (немесе “kzdesk config server_url http://…” командасын орындаңыз).</translation>
    </message>
    <message>
        <source>Nothing was recognised in this phrase in {language}. The phrase is unchanged.</source>
        <translation>Бұл фразада ештеңе танылмады ({language}). Фраза өзгерген жоқ.</translation>
    </message>
    <message>
        <source>Offline (Whisper on this computer)</source>
        <translation>Офлайн (осы компьютердегі Whisper)</translation>
    </message>
    <message>
        <source>Offline — Whisper on this computer</source>
        <translation>Офлайн — осы компьютердегі Whisper</translation>
    </message>
    <message>
        <source>Parallel jobs must be between 1 and 16.</source>
        <translation>Қатар орындалатын тапсырмалар саны 1-ден 16-ға дейін болуы керек.</translation>
    </message>
    <message>
        <source>Playback lead-in and rewind must be between 0 and 10 seconds.</source>
        <translation>Ойнату алдындағы уақыт пен кері айналдыру 0 мен 10 секунд аралығында болуы керек.</translation>
    </message>
    <message>
        <source>Put the text cursor between two words to split the phrase.</source>
        <translation>Фразаны бөлу үшін мәтін курсорын екі сөздің арасына қойыңыз.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Кезекте</translation>
    </message>
    <message>
        <source>Raw PCM audio at {sample_rate} Hz cannot be sent; SpeechKit accepts 8000, 16000 or 48000 Hz.</source>
        <translation>{sample_rate} Гц жиіліктегі өңделмеген PCM аудионы жіберу мүмкін емес; SpeechKit 8000, 16000 немесе 48000 Гц қабылдайды.</translation>
    </message>
    <message>
        <source>Recognizing</source>
        <translation>Танылуда</translation>
    </message>
    <message>
        <source>Requests at once must be between 1 and 16.</source>
        <translation>Бір уақыттағы сұраулар саны 1 мен 16 аралығында болуы керек.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong while processing this file. Try again; if it happens again, send the log file (Help → Open log folder) to support.</source>
        <translation>Бұл файлды өңдеу кезінде күтпеген қате шықты. Қайталап көріңіз; қате тағы шықса, журнал файлын (Анықтама → Журнал қалтасын ашу) қолдау қызметіне жіберіңіз.</translation>
    </message>
    <message>
        <source>SpeechKit (Yandex Cloud)</source>
        <translation>SpeechKit (Yandex Cloud)</translation>
    </message>
    <message>
        <source>SpeechKit (cloud)</source>
        <translation>SpeechKit (бұлт)</translation>
    </message>
    <message>
        <source>SpeechKit could not process the audio ({message}). Check that the file plays.</source>
        <translation>SpeechKit аудионы өңдей алмады ({message}). Файлдың ойнатылатынын тексеріңіз.</translation>
    </message>
    <message>
        <source>SpeechKit could not recognise this recording ({message}). Try again later; if it repeats, contact Yandex Cloud support.</source>
        <translation>SpeechKit бұл жазбаны тани алмады ({message}). Кейінірек қайталап көріңіз; қате қайталанса, Yandex Cloud қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>SpeechKit has not finished this recording after {hours} hours. Try again later or choose the regular (not deferred) model.</source>
        <translation>SpeechKit бұл жазбаны {hours} сағаттан кейін де аяқтаған жоқ. Кейінірек қайталап көріңіз немесе кәдімгі (кейінге қалдырылмаған) модельді таңдаңыз.</translation>
    </message>
    <message>
        <source>SpeechKit no longer has this recognition (results are kept for three days). The piece has to be sent again.</source>
        <translation>SpeechKit-те бұл тану нәтижесі енді жоқ (нәтижелер үш күн сақталады). Бұл бөлікті қайта жіберу керек.</translation>
    </message>
    <message>
        <source>SpeechKit quota is used up for now. The job will try again in about {minutes} minutes.</source>
        <translation>SpeechKit квотасы әзірге таусылды. Тапсырма шамамен {minutes} минуттан кейін қайта әрекет етеді.</translation>
    </message>
    <message>
        <source>SpeechKit refused the request: the service account of this API key needs the role ai.speechkit-stt.user in the folder it works in. Ask the cloud administrator to grant it, or use a key of another service account.</source>
        <translation>SpeechKit сұрауды қабылдамады: осы API кілтінің сервистік аккаунтына ол жұмыс істейтін каталогта ai.speechkit-stt.user рөлі қажет. Бұлт әкімшісінен осы рөлді беруді сұраңыз немесе басқа сервистік аккаунттың кілтін қолданыңыз.</translation>
    </message>
    <message>
        <source>SpeechKit rejected the API key. Open Settings and paste a valid key.</source>
        <translation>SpeechKit API кілтін қабылдамады. Баптауларды ашып, жарамды кілтті қойыңыз.</translation>
    </message>
    <message>
        <source>SpeechKit rejected the audio or the settings ({details}). Check that the file plays and that the language and model are supported.</source>
        <translation>SpeechKit аудионы немесе баптауларды қабылдамады ({details}). Файлдың ойнатылатынын және тіл мен модельге қолдау көрсетілетінін тексеріңіз.</translation>
    </message>
    <message>
        <source>SpeechKit reported an error ({name}: {details}). Try again later; if it repeats, contact Yandex Cloud support.</source>
        <translation>SpeechKit қате туралы хабарлады ({name}: {details}). Кейінірек қайталап көріңіз; қате қайталанса, Yandex Cloud қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>SpeechKit returned a result kzdesk could not read. Try again later; if it repeats, report it with the log file.</source>
        <translation>SpeechKit kzdesk оқи алмайтын нәтиже қайтарды. Кейінірек қайталап көріңіз; қате қайталанса, журнал файлын қоса хабарлаңыз.</translation>
    </message>
    <message>
        <source>Spelling is not checked: the spelling library could not be loaded on this computer.</source>
        <translation>Емле тексерілмейді: бұл компьютерде емле кітапханасы жүктелмеді.</translation>
    </message>
    <message>
        <source>Started an empty queue in {folder}. The damaged database is kept as {aside}.</source>
        <translation>{folder} ішінде бос кезек басталды. Зақымдалған дерекқор {aside} ретінде сақталды.</translation>
    </message>
    <message>
        <source>Subtitle lines need room for at least 4 characters.</source>
        <translation>Субтитр жолында кемінде 4 таңбаға орын болуы керек.</translation>
    </message>
    <message>
        <source>Subtitles need at least one line per cue.</source>
        <translation>Әр титрде кемінде бір жол болуы керек.</translation>
    </message>
    <message>
        <source>Talking to SpeechKit failed unexpectedly ({name}). Try again; if it repeats, report it with the log file.</source>
        <translation>SpeechKit-пен байланыс күтпеген жерден үзілді ({name}). Қайталап көріңіз; қате қайталанса, журнал файлын қоса хабарлаңыз.</translation>
    </message>
    <message>
        <source>The SpeechKit endpoint {endpoint} is not allowed: an overridden endpoint must be a local emulator (127.0.0.1:PORT or localhost:PORT), because it is used without encryption. Remove the override to use Yandex SpeechKit.</source>
        <translation>{endpoint} SpeechKit мекенжайына рұқсат жоқ: шифрлаусыз қолданылатындықтан, өзгертілген мекенжай тек жергілікті эмулятор (127.0.0.1:PORT немесе localhost:PORT) бола алады. Yandex SpeechKit-ті қолдану үшін өзгертуді алып тастаңыз.</translation>
    </message>
    <message>
        <source>The Whisper model in “{folder}” could not be loaded ({reason}). Download it again in Settings → Offline engine, or choose another model.</source>
        <translation>“{folder}” қалтасындағы Whisper моделін ашу мүмкін болмады ({reason}). Оны “Баптаулар → Офлайн тану” бөлімінде қайта жүктеңіз немесе басқа модельді таңдаңыз.</translation>
    </message>
    <message>
        <source>The Whisper model “{name}” is not on this computer and cannot be downloaded now: there is no connection to the internet (or to huggingface.co). Connect and download it in Settings → Offline engine, or choose a model folder that is on this computer.</source>
        <translation>“{name}” Whisper моделі бұл компьютерде жоқ және оны қазір жүктеу мүмкін емес: интернетпен (немесе huggingface.co сайтымен) байланыс жоқ. Интернетке қосылып, модельді “Баптаулар → Офлайн тану” бөлімінде жүктеңіз немесе осы компьютердегі модель қалтасын таңдаңыз.</translation>
    </message>
    <message>
        <source>The audio format {audio_format} is not one SpeechKit accepts (OGG Opus, MP3, WAV or raw PCM).</source>
        <translation>{audio_format} аудио пішімін SpeechKit қабылдамайды (OGG Opus, MP3, WAV немесе өңделмеген PCM қабылданады).</translation>
    </message>
    <message>
        <source>The audio piece {path} cannot be read ({reason}). Add the recording again.</source>
        <translation>{path} аудио бөлігін оқу мүмкін емес ({reason}). Жазбаны қайта қосыңыз.</translation>
    </message>
    <message>
        <source>The audio to send is {size} MB, but SpeechKit accepts at most 60 MB per request. Split the recording into shorter parts and add them again.</source>
        <translation>Жіберілетін аудио {size} МБ, ал SpeechKit бір сұрауда ең көбі 60 МБ қабылдайды. Жазбаны қысқа бөліктерге бөліп, оларды қайта қосыңыз.</translation>
    </message>
    <message>
        <source>The connection to the transcription server at {url} broke while it worked on a piece. kzdesk sends that piece again by itself.</source>
        <translation>{url} мекенжайындағы тану серверімен байланыс ол бөлікті өңдеп жатқанда үзілді. kzdesk ол бөлікті өзі қайта жібереді.</translation>
    </message>
    <message>
        <source>The converted audio is empty.</source>
        <translation>Түрлендірілген аудио бос.</translation>
    </message>
    <message>
        <source>The converted audio {path} cannot be read ({reason}). Add the recording again.</source>
        <translation>{path} түрлендірілген аудиосын оқу мүмкін емес ({reason}). Жазбаны қайта қосыңыз.</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be made because {parent} is a file. Choose another data folder (--data-dir).</source>
        <translation>{path} деректер қалтасын жасау мүмкін емес, себебі {parent} — файл. Басқа деректер қалтасын таңдаңыз (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder {path} is a file, not a folder. Rename or move that file, or choose another data folder (--data-dir).</source>
        <translation>{path} деректер қалтасы қалта емес, файл. Ол файлдың атын өзгертіңіз не оны жылжытыңыз, немесе басқа деректер қалтасын таңдаңыз (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder {path} is a link to {target}, which does not exist. Connect the disk it points to, or choose another data folder (--data-dir).</source>
        <translation>{path} деректер қалтасы жоқ {target} орнына сілтеме жасайды. Ол көрсететін дискіні қосыңыз немесе басқа деректер қалтасын таңдаңыз (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder {path} is on a read-only disk, so kzdesk cannot keep its queue there. Make the disk writable, or choose another data folder (--data-dir).</source>
        <translation>{path} деректер қалтасы тек оқуға арналған дискіде орналасқан, сондықтан kzdesk кезегін онда сақтай алмайды. Дискіге жазуға рұқсат беріңіз немесе басқа деректер қалтасын таңдаңыз (--data-dir).</translation>
    </message>
    <message>
        <source>The disk is full, so the recording cannot be converted. Free some space and try again.</source>
        <translation>Диск толы, сондықтан жазбаны түрлендіру мүмкін емес. Орын босатып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The disk that holds {folder} is full ({size} MB free), so kzdesk cannot save its queue. Free some space on that disk, then try again.</source>
        <translation>{folder} орналасқан диск толы ({size} МБ бос), сондықтан kzdesk кезегін сақтай алмайды. Сол дискіде орын босатып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The disk that holds {folder} is full ({size} MB free). The jobs are paused and continue by themselves when space is freed: delete or move some files on that disk.</source>
        <translation>{folder} орналасқан диск толы ({size} МБ бос). Тапсырмалар кідіртілді және орын босағанда өздігінен жалғасады: сол дискідегі бірнеше файлды жойыңыз немесе жылжытыңыз.</translation>
    </message>
    <message>
        <source>The download of the Whisper model was cancelled.</source>
        <translation>Whisper моделін жүктеу тоқтатылды.</translation>
    </message>
    <message>
        <source>The download of “{name}” failed unexpectedly. Details are in the log (Help menu).</source>
        <translation>“{name}” моделін жүктеу күтпеген жерден сәтсіз аяқталды. Толығырақ журналда (Анықтама мәзірі).</translation>
    </message>
    <message>
        <source>The engine “{engine}” is not available in this version of kzdesk. Choose SpeechKit or Offline (Whisper) for this job.</source>
        <translation>“{engine}” тану жүйесі kzdesk-тің бұл нұсқасында жоқ. Бұл тапсырма үшін SpeechKit немесе “Офлайн (Whisper)” жүйесін таңдаңыз.</translation>
    </message>
    <message>
        <source>The export failed unexpectedly. Try again; the log file has the details.</source>
        <translation>Экспорт күтпеген жерден сәтсіз аяқталды. Қайталап көріңіз; толығырақ журнал файлында.</translation>
    </message>
    <message>
        <source>The file is JSON but not a kzdesk transcript. Choose a file kzdesk exported as JSON.</source>
        <translation>Бұл JSON файлы, бірақ kzdesk транскрипті емес. kzdesk JSON ретінде экспорттаған файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>The file is not readable JSON ({reason}). Choose a file kzdesk exported as JSON.</source>
        <translation>Файл оқылатын JSON емес ({reason}). kzdesk JSON ретінде экспорттаған файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>The file “{name}” disappeared while kzdesk was reading it. Add it again from its new place.</source>
        <translation>kzdesk “{name}” файлын оқып жатқанда ол жоғалып кетті. Оны жаңа орнынан қайта қосыңыз.</translation>
    </message>
    <message>
        <source>The file “{name}” is not there any more. It may have been moved, renamed or deleted, or the disk was removed. Add it again from its new place.</source>
        <translation>“{name}” файлы енді орнында жоқ. Ол жылжытылған, атауы өзгертілген не жойылған болуы мүмкін, немесе диск ажыратылған. Оны жаңа орнынан қайта қосыңыз.</translation>
    </message>
    <message>
        <source>The folder “{name}” holds no Whisper model for faster-whisper (model.bin and config.json are missing). Choose a CTranslate2 model folder.</source>
        <translation>“{name}” қалтасында faster-whisper үшін Whisper моделі жоқ (model.bin және config.json файлдары жоқ). CTranslate2 моделінің қалтасын таңдаңыз.</translation>
    </message>
    <message>
        <source>The gap between cues must be between 0 and 2000 ms.</source>
        <translation>Субтитрлер арасындағы аралық 0 мен 2000 мс аралығында болуы керек.</translation>
    </message>
    <message>
        <source>The kzdesk window (process {pid}) is working on this queue.</source>
        <translation>Бұл кезекпен kzdesk терезесі (процесс {pid}) жұмыс істеп жатыр.</translation>
    </message>
    <message>
        <source>The largest upload must be between 1 and 2000 MB.</source>
        <translation>Ең үлкен жүктеу көлемі 1 мен 2000 МБ аралығында болуы керек.</translation>
    </message>
    <message>
        <source>The last phrase has nothing after it to merge with.</source>
        <translation>Соңғы фразадан кейін онымен біріктіретін фраза жоқ.</translation>
    </message>
    <message>
        <source>The longest cue at this reading speed fits fewer than 4 characters.</source>
        <translation>Осы оқу жылдамдығында ең ұзын титрге 4 таңбадан аз сыяды.</translation>
    </message>
    <message>
        <source>The model must be “general” or “deferred-general”.</source>
        <translation>Модель “general” немесе “deferred-general” болуы керек.</translation>
    </message>
    <message>
        <source>The model “{name}” could not be saved in “{folder}” ({reason}). Free some disk space or check the folder&apos;s permissions.</source>
        <translation>“{name}” моделін “{folder}” қалтасына сақтау мүмкін болмады ({reason}). Дискіде орын босатыңыз немесе қалтаның рұқсаттарын тексеріңіз.</translation>
    </message>
    <message>
        <source>The name of the transcription server in {url} cannot be found. Check the address in Settings → Server and the network connection (VPN); kzdesk tries again by itself.</source>
        <translation>{url} ішіндегі тану серверінің аты табылмады. “Баптаулар → Сервер” бөліміндегі мекенжайды және желі байланысын (VPN) тексеріңіз; kzdesk өзі қайта әрекет жасайды.</translation>
    </message>
    <message>
        <source>The offline engine could not read the audio of this recording. Check that the file plays, then Retry.</source>
        <translation>Офлайн тану жүйесі бұл жазбаның дыбысын оқи алмады. Файлдың ойнатылатынын тексеріп, “Қайталау” батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>The offline engine failed unexpectedly. The part transcribed so far is kept; Retry, and if it happens again send the log file to support.</source>
        <translation>Офлайн тану жүйесінде күтпеген қате шықты. Осы уақытқа дейін мәтінге түсірілген бөлік сақталды; “Қайталау” батырмасын басыңыз, ал қате тағы шықса, журнал файлын қолдау қызметіне жіберіңіз.</translation>
    </message>
    <message>
        <source>The offline engine ran out of memory. The part transcribed so far is kept; try a smaller model or close other programs, then Retry.</source>
        <translation>Офлайн тану жүйесіне жад жетпеді. Осы уақытқа дейін мәтінге түсірілген бөлік сақталды; кішірек модельді таңдаңыз немесе басқа бағдарламаларды жабыңыз, содан кейін “Қайталау” батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>The offline engine stopped unexpectedly (the computer may have run out of memory). The part transcribed so far is kept; try a smaller model or close other programs, then Retry.</source>
        <translation>Офлайн тану жүйесі күтпеген жерден тоқтап қалды (компьютердің жады жетпеген болуы мүмкін). Осы уақытқа дейін мәтінге түсірілген бөлік сақталды; кішірек модельді таңдаңыз немесе басқа бағдарламаларды жабыңыз, содан кейін “Қайталау” батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>The offline transcription was cancelled.</source>
        <translation>Офлайн мәтінге түсіру тоқтатылды.</translation>
    </message>
    <message>
        <source>The original recording was moved or deleted, so kzdesk plays the copy it converted. The sound may be of lower quality.</source>
        <translation>Бастапқы жазба жылжытылған немесе жойылған, сондықтан kzdesk өзі түрлендірген көшірмені ойнатады. Дыбыс сапасы төменірек болуы мүмкін.</translation>
    </message>
    <message>
        <source>The phrase cannot move further: it is at the recording&apos;s edge.</source>
        <translation>Фразаны бұдан әрі жылжыту мүмкін емес: ол жазбаның шетінде тұр.</translation>
    </message>
    <message>
        <source>The phrase changed since this suggestion was made. Look at it again.</source>
        <translation>Бұл ұсыныс жасалғаннан кейін фраза өзгерді. Оны қайта қараңыз.</translation>
    </message>
    <message>
        <source>The phrase could not be recognised again. It is unchanged; the log file has the details.</source>
        <translation>Фразаны қайта тану мүмкін болмады. Ол өзгерген жоқ; толығырақ журнал файлында.</translation>
    </message>
    <message>
        <source>The phrase has changed since the search. Search again.</source>
        <translation>Іздеуден кейін фраза өзгерді. Қайта іздеңіз.</translation>
    </message>
    <message>
        <source>The phrase is already marked with this language.</source>
        <translation>Фраза осы тілмен белгіленіп қойған.</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>Баға теріс сан бола алмайды.</translation>
    </message>
    <message>
        <source>The queue database {path} is damaged and cannot be opened. Restore it from a backup, or run “kzdesk reset-queue” to start with an empty queue (the damaged file is kept).</source>
        <translation>{path} кезек дерекқоры зақымдалған, оны ашу мүмкін емес. Оны сақтық көшірмеден қалпына келтіріңіз немесе бос кезектен бастау үшін “kzdesk reset-queue” іске қосыңыз (зақымдалған файл сақталады).</translation>
    </message>
    <message>
        <source>The queue database {path} opens normally, so nothing was changed.</source>
        <translation>{path} кезек дерекқоры қалыпты ашылады, сондықтан ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <source>The queue database {path} stayed locked by another program. Close other kzdesk windows and commands, then try again.</source>
        <translation>{path} кезек дерекқорын басқа бағдарлама бұғаттап тұр. kzdesk-тің басқа терезелері мен командаларын жауып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The queue database {path} was written by a newer version of kzdesk. Update kzdesk to open it, or choose another data folder (--data-dir).</source>
        <translation>{path} кезек дерекқорын kzdesk-тің жаңарақ нұсқасы жазған. Оны ашу үшін kzdesk-ті жаңартыңыз немесе басқа деректер қалтасын таңдаңыз (--data-dir).</translation>
    </message>
    <message>
        <source>The reading speed (characters per second) must be above zero.</source>
        <translation>Оқу жылдамдығы (секундына таңба) нөлден үлкен болуы керек.</translation>
    </message>
    <message>
        <source>The recognition was cancelled.</source>
        <translation>Тану тоқтатылды.</translation>
    </message>
    <message>
        <source>The recording was moved or deleted and no copy is left, so it cannot be played. The transcript can still be edited and exported.</source>
        <translation>Жазба жылжытылған немесе жойылған, көшірмесі де қалмаған, сондықтан оны ойнату мүмкін емес. Транскриптті бәрібір өңдеуге және экспорттауға болады.</translation>
    </message>
    <message>
        <source>The recording “{name}” is not there any more, so its waveform cannot be drawn. It may have been moved, renamed or deleted.</source>
        <translation>“{name}” жазбасы енді орнында жоқ, сондықтан оның дыбыс толқынын салу мүмкін емес. Ол жылжытылған, атауы өзгертілген не жойылған болуы мүмкін.</translation>
    </message>
    <message>
        <source>The replacement refers to a group the search does not have ({reason}). Use \1 or \g&lt;name&gt; only for groups in the search.</source>
        <translation>Ауыстыру мәтіні іздеуде жоқ топқа сілтейді ({reason}). \1 немесе \g&lt;name&gt; белгілерін тек іздеуде бар топтар үшін қолданыңыз.</translation>
    </message>
    <message>
        <source>The search is not a valid regular expression ({reason}). Correct it or turn off regular expressions.</source>
        <translation>Іздеу мәтіні жарамды тұрақты өрнек емес ({reason}). Оны түзетіңіз немесе тұрақты өрнектерді өшіріңіз.</translation>
    </message>
    <message>
        <source>The secure connection to the transcription server at {url} failed ({reason}). If your organisation uses its own certificate authority, install it in this computer&apos;s system certificates; otherwise check whether the address starts with http:// or https://.</source>
        <translation>{url} мекенжайындағы тану серверімен қорғалған байланыс орнамады ({reason}). Егер ұйымыңыздың өз сертификаттау орталығы болса, оны осы компьютердің жүйелік сертификаттарына орнатыңыз; әйтпесе мекенжай http:// немесе https:// арқылы басталатынын тексеріңіз.</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, such as http://asr.example.org:8000.</source>
        <translation>Сервер мекенжайы http:// немесе https:// арқылы басталуы керек, мысалы http://asr.example.org:8000.</translation>
    </message>
    <message>
        <source>The server&apos;s API key contains characters that cannot be sent (a key has only Latin letters, digits and signs). Paste it again in Settings → Server (or run “kzdesk key set --server”).</source>
        <translation>Сервердің API кілтінде жіберуге болмайтын таңбалар бар (кілтте тек латын әріптері, цифрлар мен белгілер болады). Оны “Баптаулар → Сервер” бөліміне қайта қойыңыз (немесе “kzdesk key set --server” командасын орындаңыз).</translation>
    </message>
    <message>
        <source>The shortest cue must last more than 0 ms and no longer than the longest cue.</source>
        <translation>Ең қысқа титр 0 мс-тан ұзақ және ең ұзын титрден қысқа не оған тең болуы керек.</translation>
    </message>
    <message>
        <source>The size limit for sending is too small for this recording. Check the SpeechKit settings.</source>
        <translation>Жіберу өлшемінің шегі бұл жазба үшін тым кішкентай. SpeechKit баптауларын тексеріңіз.</translation>
    </message>
    <message>
        <source>The speaker model {name} is missing from {folder}, so speakers cannot be found. Reinstall kzdesk.</source>
        <translation>{name} сөйлеуші моделі {folder} қалтасында жоқ, сондықтан сөйлеушілерді табу мүмкін емес. kzdesk-ті қайта орнатыңыз.</translation>
    </message>
    <message>
        <source>The speakers could not be found again. The transcript is unchanged; the log file has the details.</source>
        <translation>Сөйлеушілерді қайта табу мүмкін болмады. Транскрипт өзгерген жоқ; толығырақ журнал файлында.</translation>
    </message>
    <message>
        <source>The text cursor is outside the phrase.</source>
        <translation>Мәтін курсоры фразадан тыс тұр.</translation>
    </message>
    <message>
        <source>The transcript file is damaged: {field} is missing or has the wrong type.</source>
        <translation>Транскрипт файлы зақымдалған: {field} жоқ немесе оның түрі қате.</translation>
    </message>
    <message>
        <source>The transcript was written by a newer kzdesk (format {version}). Update kzdesk to open it.</source>
        <translation>Транскриптті kzdesk-тің жаңарақ нұсқасы жазған (пішім {version}). Оны ашу үшін kzdesk-ті жаңартыңыз.</translation>
    </message>
    <message>
        <source>The transcription on the server was cancelled.</source>
        <translation>Сервердегі тану тоқтатылды.</translation>
    </message>
    <message>
        <source>The transcription server at {url} answered HTTP {status}, which a transcription server does not. Check the address in Settings → Server.</source>
        <translation>{url} мекенжайындағы тану сервері HTTP {status} деп жауап берді, ал тану сервері олай жауап бермейді. “Баптаулар → Сервер” бөліміндегі мекенжайды тексеріңіз.</translation>
    </message>
    <message>
        <source>The transcription server at {url} answered with something that is not a transcription ({detail}). Check that the address points at an OpenAI-compatible transcription server (Settings → Server).</source>
        <translation>{url} мекенжайындағы тану сервері транскрипция емес жауап берді ({detail}). Мекенжай OpenAI-мен үйлесімді тану серверін көрсететінін тексеріңіз (Баптаулар → Сервер).</translation>
    </message>
    <message>
        <source>The transcription server at {url} asks for an API key (HTTP 401). Enter the key in Settings → Server (or run “kzdesk key set --server”).</source>
        <translation>{url} мекенжайындағы тану сервері API кілтін сұрайды (HTTP 401). Кілтті “Баптаулар → Сервер” бөлімінде енгізіңіз (немесе “kzdesk key set --server” командасын орындаңыз).</translation>
    </message>
    <message>
        <source>The transcription server at {url} did not accept the API key (HTTP 401). Enter the right key in Settings → Server (or run “kzdesk key set --server”).</source>
        <translation>{url} мекенжайындағы тану сервері API кілтін қабылдамады (HTTP 401). Дұрыс кілтті “Баптаулар → Сервер” бөлімінде енгізіңіз (немесе “kzdesk key set --server” командасын орындаңыз).</translation>
    </message>
    <message>
        <source>The transcription server at {url} did not answer within {seconds} seconds. It may be overloaded; kzdesk tries again by itself.</source>
        <translation>{url} мекенжайындағы тану сервері {seconds} секунд ішінде жауап бермеді. Ол шамадан тыс жүктелген болуы мүмкін; kzdesk өзі қайта әрекет жасайды.</translation>
    </message>
    <message>
        <source>The transcription server at {url} does not allow this key to transcribe with the model “{model}” (HTTP 403). Ask the server&apos;s administrator for access, or use another key.</source>
        <translation>{url} мекенжайындағы тану сервері бұл кілтке “{model}” моделімен тануға рұқсат бермейді (HTTP 403). Сервер әкімшісінен рұқсат сұраңыз немесе басқа кілтті пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The transcription server at {url} failed with an error (HTTP {status}). kzdesk tries again by itself; if this goes on, tell the server&apos;s administrator.</source>
        <translation>{url} мекенжайындағы тану серверінде қате шықты (HTTP {status}). kzdesk өзі қайта әрекет жасайды; бұл қайталана берсе, сервер әкімшісіне хабарлаңыз.</translation>
    </message>
    <message>
        <source>The transcription server at {url} has no model “{model}”. It offers: {models}. Choose one in Settings → Server (or run “kzdesk config server_model NAME”).</source>
        <translation>{url} мекенжайындағы тану серверінде “{model}” моделі жоқ. Онда бар модельдер: {models}. Біреуін “Баптаулар → Сервер” бөлімінде таңдаңыз (немесе “kzdesk config server_model NAME” командасын орындаңыз).</translation>
    </message>
    <message>
        <source>The transcription server at {url} is busy (HTTP 429) and asks kzdesk to wait {seconds} seconds. kzdesk tries again then.</source>
        <translation>{url} мекенжайындағы тану сервері бос емес (HTTP 429) және kzdesk-тен {seconds} секунд күтуді сұрайды. kzdesk сол кезде қайта әрекет жасайды.</translation>
    </message>
    <message>
        <source>The transcription server at {url} kept failing (HTTP {status}) and kzdesk stopped trying. Press Retry later or tell the server&apos;s administrator: the pieces already transcribed are kept.</source>
        <translation>{url} мекенжайындағы тану серверінде қате қайталана берді (HTTP {status}), kzdesk әрекетті тоқтатты. Кейінірек «Қайталау» түймесін басыңыз немесе сервер әкімшісіне хабарлаңыз: танылып қойған бөліктер сақталады.</translation>
    </message>
    <message>
        <source>The transcription server at {url} refused the request (HTTP {status}: {detail}). Check the model and the language chosen for this file.</source>
        <translation>{url} мекенжайындағы тану сервері сұрауды қабылдамады (HTTP {status}: {detail}). Осы файл үшін таңдалған модель мен тілді тексеріңіз.</translation>
    </message>
    <message>
        <source>The transcription server at {url} refuses even pieces of {size} KB (HTTP 413, too large). Ask its administrator about the upload limit, and set it in Settings → Server.</source>
        <translation>{url} мекенжайындағы тану сервері {size} КБ бөліктерді де қабылдамайды (HTTP 413, тым үлкен). Оның әкімшісінен жүктеу шегін сұрап, оны “Баптаулар → Сервер” бөлімінде көрсетіңіз.</translation>
    </message>
    <message>
        <source>The transcription server at {url} stopped answering and kzdesk stopped trying. Check the server (Settings → Server → Test connection), then press Retry: the pieces already transcribed are kept.</source>
        <translation>{url} мекенжайындағы тану сервері жауап беруді тоқтатты, kzdesk әрекетті тоқтатты. Серверді тексеріп (Баптаулар → Сервер → Байланысты тексеру), «Қайталау» түймесін басыңыз: танылып қойған бөліктер сақталады.</translation>
    </message>
    <message>
        <source>The uncertainty threshold must be 0–100 %.</source>
        <translation>Сенімсіздік шегі 0–100 % болуы керек.</translation>
    </message>
    <message>
        <source>The waveform could not be drawn. Playback and editing still work.</source>
        <translation>Дыбыс толқынын салу мүмкін болмады. Ойнату мен өңдеу бұрынғыдай жұмыс істейді.</translation>
    </message>
    <message>
        <source>The {variable} setting points to {override}, but there is no program there. Correct the path or remove the setting.</source>
        <translation>{variable} баптауы {override} жолын көрсетеді, бірақ онда бағдарлама жоқ. Жолды түзетіңіз немесе баптауды алып тастаңыз.</translation>
    </message>
    <message>
        <source>There is no model “{name}” on Hugging Face (or it is private). Check the name.</source>
        <translation>Hugging Face сайтында “{name}” моделі жоқ (немесе ол жабық). Атауын тексеріңіз.</translation>
    </message>
    <message>
        <source>There is no transcription service at {url} (HTTP 404), or it has no model “{model}”. Check the address (the part before /v1, such as http://asr.example.org:8000) and the model name in Settings → Server.</source>
        <translation>{url} мекенжайында тану қызметі жоқ (HTTP 404) немесе онда “{model}” моделі жоқ. “Баптаулар → Сервер” бөліміндегі мекенжайды (/v1 алдындағы бөлігі, мысалы http://asr.example.org:8000) және модель атын тексеріңіз.</translation>
    </message>
    <message>
        <source>There is nothing to mark as checked here.</source>
        <translation>Мұнда тексерілген деп белгілейтін ештеңе жоқ.</translation>
    </message>
    <message>
        <source>This data folder was written by a newer kzdesk. Update kzdesk to open it.</source>
        <translation>Бұл деректер қалтасын kzdesk-тің жаңарақ нұсқасы жазған. Оны ашу үшін kzdesk-ті жаңартыңыз.</translation>
    </message>
    <message>
        <source>This phrase is no longer in the transcript (number {id}).</source>
        <translation>Бұл фраза транскриптте енді жоқ (нөмірі: {id}).</translation>
    </message>
    <message>
        <source>This recording may already have been sent to SpeechKit at {time}, but its answer never came back (the connection broke or kzdesk stopped). Sending it again may bill it twice. Press Retry to send it again.</source>
        <translation>Бұл жазба SpeechKit-ке {time} кезінде жіберілген болуы мүмкін, бірақ оның жауабы келмеді (байланыс үзілді немесе kzdesk тоқтады). Қайта жіберсеңіз, екі рет ақы алынуы мүмкін. Қайта жіберу үшін «Қайталау» түймесін басыңыз.</translation>
    </message>
    <message>
        <source>This speaker is no longer in the transcript (number {id}).</source>
        <translation>Бұл сөйлеуші транскриптте енді жоқ (нөмірі: {id}).</translation>
    </message>
    <message>
        <source>Unknown export format “{unknown}”. Choose from: {formats}.</source>
        <translation>“{unknown}” экспорт пішімі белгісіз. Мыналардан таңдаңыз: {formats}.</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Жіберілуде</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Қайталауды күтуде</translation>
    </message>
    <message>
        <source>Your organisation&apos;s transcription server</source>
        <translation>Ұйымыңыздың тану сервері</translation>
    </message>
    <message>
        <source>invalid argument</source>
        <translation>қате параметр</translation>
    </message>
    <message>
        <source>kzdesk cannot export to {format}. Choose one of: {formats}.</source>
        <translation>kzdesk {format} пішіміне экспорттай алмайды. Мыналардың бірін таңдаңыз: {formats}.</translation>
    </message>
    <message>
        <source>kzdesk cannot find its audio converter (ffmpeg). Reinstall kzdesk, or set {variable} to the path of an ffmpeg program.</source>
        <translation>kzdesk өзінің аудио түрлендіргішін (ffmpeg) таба алмады. kzdesk-ті қайта орнатыңыз немесе {variable} айнымалысына ffmpeg бағдарламасының жолын беріңіз.</translation>
    </message>
    <message>
        <source>kzdesk cannot reach the transcription server at {url}. Check that the server is running and that this computer is on its network; kzdesk tries again by itself.</source>
        <translation>kzdesk {url} мекенжайындағы тану серверіне қосыла алмайды. Сервердің жұмыс істеп тұрғанын және осы компьютердің оның желісінде екенін тексеріңіз; kzdesk өзі қайта әрекет жасайды.</translation>
    </message>
    <message>
        <source>kzdesk cannot use {path} ({reason}). Check the disk, or choose another data folder (--data-dir).</source>
        <translation>kzdesk {path} пайдалана алмайды ({reason}). Дискіні тексеріңіз немесе басқа деректер қалтасын таңдаңыз (--data-dir).</translation>
    </message>
    <message>
        <source>kzdesk could not cut the recording into pieces small enough to send. Convert it to MP3 with another program and try again.</source>
        <translation>kzdesk жазбаны жіберуге жарайтындай шағын бөліктерге бөле алмады. Оны басқа бағдарламамен MP3 пішіміне түрлендіріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>kzdesk could not reach SpeechKit after {attempts} attempts and stopped trying. Check the internet connection, then press Retry (or run “kzdesk resume”): what SpeechKit already accepted is fetched, not sent again.</source>
        <translation>kzdesk {attempts} әрекеттен кейін SpeechKit-ке қосыла алмады және әрекетті тоқтатты. Интернет байланысын тексеріп, «Қайталау» түймесін басыңыз (немесе «kzdesk resume» іске қосыңыз): SpeechKit қабылдап қойғаны қайта жіберілмей, алынады.</translation>
    </message>
    <message>
        <source>kzdesk could not reach the transcription server at {url} and stopped trying. Check that the server is running and reachable from this computer, then press Retry: the pieces already transcribed are kept.</source>
        <translation>kzdesk {url} мекенжайындағы тану серверіне қосыла алмады және әрекетті тоқтатты. Сервердің жұмыс істеп тұрғанын және осы компьютерден қолжетімді екенін тексеріп, «Қайталау» түймесін басыңыз: танылып қойған бөліктер сақталады.</translation>
    </message>
    <message>
        <source>kzdesk could not read back the converted recording to split it. Check that the disk is not full, then try again.</source>
        <translation>kzdesk түрлендірілген жазбаны бөлу үшін қайта оқи алмады. Дискінің толмағанын тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>kzdesk could not read the sound in “{name}”. Try again; if it keeps failing, convert the file to MP3 with another program.</source>
        <translation>kzdesk “{name}” ішіндегі дыбысты оқи алмады. Қайталап көріңіз; қате қайталана берсе, файлды басқа бағдарламамен MP3 пішіміне түрлендіріңіз.</translation>
    </message>
    <message>
        <source>kzdesk could not split the long recording into pieces. Check that the disk is not full, then try again.</source>
        <translation>kzdesk ұзын жазбаны бөліктерге бөле алмады. Дискінің толмағанын тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>kzdesk could not start its audio converter (ffmpeg) to draw the waveform. Reinstall kzdesk.</source>
        <translation>kzdesk дыбыс толқынын салу үшін аудио түрлендіргішін (ffmpeg) іске қоса алмады. kzdesk-ті қайта орнатыңыз.</translation>
    </message>
    <message>
        <source>kzdesk could not start its audio converter (ffmpeg). Reinstall kzdesk.</source>
        <translation>kzdesk аудио түрлендіргішін (ffmpeg) іске қоса алмады. kzdesk-ті қайта орнатыңыз.</translation>
    </message>
    <message>
        <source>kzdesk in a terminal (process {pid}) is working on this queue.</source>
        <translation>Бұл кезекпен терминалдағы kzdesk (процесс {pid}) жұмыс істеп жатыр.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”, so its waveform cannot be drawn. Change the file&apos;s permissions or copy it to a folder of your own.</source>
        <translation>kzdesk-ке “{name}” файлын оқуға рұқсат жоқ, сондықтан оның дыбыс толқынын салу мүмкін емес. Файлдың рұқсаттарын өзгертіңіз немесе оны өз қалтаңызға көшіріңіз.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”. Copy the file to a folder of your own (for example Documents) or change its permissions, then add it again.</source>
        <translation>kzdesk-ке “{name}” файлын оқуға рұқсат жоқ. Файлды өз қалтаңызға (мысалы, “Құжаттар”) көшіріңіз немесе оның рұқсаттарын өзгертіңіз, содан кейін қайта қосыңыз.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”. Copy the file to a folder of your own or change its permissions, then add it again.</source>
        <translation>kzdesk-ке “{name}” файлын оқуға рұқсат жоқ. Файлды өз қалтаңызға көшіріңіз немесе оның рұқсаттарын өзгертіңіз, содан кейін қайта қосыңыз.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to write its working copy of “{name}”. Check the permissions of the kzdesk data folder.</source>
        <translation>kzdesk-ке “{name}” файлының жұмыс көшірмесін жазуға рұқсат жоқ. kzdesk деректер қалтасының рұқсаттарын тексеріңіз.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to write to {path}. Give your user permission to write there, or choose another data folder (--data-dir).</source>
        <translation>kzdesk-ке {path} орнына жазуға рұқсат жоқ. Пайдаланушыңызға сол жерге жазу құқығын беріңіз немесе басқа деректер қалтасын таңдаңыз (--data-dir).</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>толығырақ мәлімет жоқ</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>оқу қатесі</translation>
    </message>
    <message>
        <source>{holder} Close it first, then set the damaged queue aside.</source>
        <translation>{holder} Алдымен оны жабыңыз, содан кейін зақымдалған кезекті бөлек қойыңыз.</translation>
    </message>
    <message>
        <source>“{name}” contains no sound: its audio track is 0 seconds long. Choose the complete recording.</source>
        <translation>“{name}” ішінде дыбыс жоқ: аудио жолының ұзақтығы 0 секунд. Толық жазбаны таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” contains no sound: its audio track is empty.</source>
        <translation>“{name}” ішінде дыбыс жоқ: аудио жолы бос.</translation>
    </message>
    <message>
        <source>“{name}” could not be converted: the file seems damaged part-way through. Try the original file, or convert it to MP3 with another program.</source>
        <translation>“{name}” түрлендірілмеді: файлдың ортасы зақымдалған сияқты. Бастапқы файлды қолданып көріңіз немесе оны басқа бағдарламамен MP3 пішіміне түрлендіріңіз.</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}), so its waveform cannot be drawn. Check the disk or copy the file elsewhere.</source>
        <translation>“{name}” оқылмады ({reason}), сондықтан оның дыбыс толқынын салу мүмкін емес. Дискіні тексеріңіз немесе файлды басқа жерге көшіріңіз.</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}). Check the disk or copy the file elsewhere, then add it again.</source>
        <translation>“{name}” оқылмады ({reason}). Дискіні тексеріңіз немесе файлды басқа жерге көшіріп, қайта қосыңыз.</translation>
    </message>
    <message>
        <source>“{name}” has no transcript yet, so there is nothing to export.</source>
        <translation>“{name}” үшін транскрипт әлі жоқ, сондықтан экспорттайтын ештеңе жоқ.</translation>
    </message>
    <message>
        <source>“{name}” holds no sound, so there is no waveform to draw.</source>
        <translation>“{name}” ішінде дыбыс жоқ, сондықтан салатын дыбыс толқыны жоқ.</translation>
    </message>
    <message>
        <source>“{name}” is a device, not a recording file, so kzdesk does not read it. Choose a recording file.</source>
        <translation>“{name}” — жазба файлы емес, құрылғы, сондықтан kzdesk оны оқымайды. Жазба файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is a document or text file, not a recording. Choose an audio or video file.</source>
        <translation>“{name}” — жазба емес, құжат немесе мәтіндік файл. Аудио не бейне файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a recording.</source>
        <translation>“{name}” — жазба емес, қалта.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a recording. Choose a file inside it.</source>
        <translation>“{name}” — жазба емес, қалта. Оның ішіндегі файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is a picture, not a recording, even though its name ends in “{suffix}”. Choose an audio or video file.</source>
        <translation>Атауы “{suffix}” деп аяқталғанымен, “{name}” — жазба емес, сурет. Аудио не бейне файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is a pipe (FIFO), not a recording file, so kzdesk does not read it. Save the recording to a file and add that file.</source>
        <translation>“{name}” — жазба файлы емес, арна (FIFO), сондықтан kzdesk оны оқымайды. Жазбаны файлға сақтап, сол файлды қосыңыз.</translation>
    </message>
    <message>
        <source>“{name}” is a socket, not a recording file, so kzdesk does not read it. Choose a recording file.</source>
        <translation>“{name}” — жазба файлы емес, сокет, сондықтан kzdesk оны оқымайды. Жазба файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is a video without a sound track, so there is nothing to transcribe. Choose a file that has sound.</source>
        <translation>“{name}” — дыбыс жолы жоқ бейне, сондықтан мәтінге түсіретін ештеңе жоқ. Дыбысы бар файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be played: it may have been cut off while recording or copying. Try the original file or re-export it.</source>
        <translation>“{name}” зақымдалған және ойнатылмайды: жазу не көшіру кезінде үзіліп қалған болуы мүмкін. Бастапқы файлды қолданып көріңіз немесе оны қайта экспорттаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is damaged or is not an audio or video file kzdesk can read, so its waveform cannot be drawn. Try the original recording.</source>
        <translation>“{name}” зақымдалған немесе kzdesk оқи алатын аудио не бейне файл емес, сондықтан оның дыбыс толқынын салу мүмкін емес. Бастапқы жазбаны қолданып көріңіз.</translation>
    </message>
    <message>
        <source>“{name}” is damaged: its sound cannot be decoded. Try the original file or re-export it from the recorder.</source>
        <translation>“{name}” зақымдалған: оның дыбысын декодтау мүмкін емес. Бастапқы файлды қолданып көріңіз немесе оны диктофоннан қайта экспорттаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is empty (0 bytes). The recording was probably not saved or copied completely; choose the original file.</source>
        <translation>“{name}” бос (0 байт). Жазба толық сақталмаған не көшірілмеген болуы мүмкін; бастапқы файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is named like a recording, but what it holds is not audio or video in any format kzdesk knows. Choose the original recording (for example MP3, M4A, WAV, OGG or MP4).</source>
        <translation>«{name}» жазба сияқты аталған, бірақ ішіндегісі kzdesk білетін ешбір пішімдегі аудио не бейне емес. Түпнұсқа жазбаны таңдаңыз (мысалы, MP3, M4A, WAV, OGG немесе MP4).</translation>
    </message>
    <message>
        <source>“{name}” is not a Whisper model kzdesk knows. Choose one of {sizes}, a model folder on this computer or a Hugging Face id like Org/name.</source>
        <translation>kzdesk “{name}” деген Whisper моделін танымайды. Модельдердің бірін ({sizes}), осы компьютердегі модель қалтасын немесе Ұйым/атау түріндегі Hugging Face идентификаторын таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is not a recording (it holds no sound). Choose an audio or video file.</source>
        <translation>“{name}” — жазба емес (онда дыбыс жоқ). Аудио не бейне файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>“{name}” is not an audio or video file kzdesk can read. Choose a recording (for example MP3, M4A, WAV, OGG or MP4).</source>
        <translation>“{name}” — kzdesk оқи алатын аудио не бейне файл емес. Жазбаны таңдаңыз (мысалы, MP3, M4A, WAV, OGG немесе MP4).</translation>
    </message>
    <message>
        <source>“{name}” on Hugging Face is not a CTranslate2 Whisper model (model.bin is missing). Choose a faster-whisper conversion.</source>
        <translation>Hugging Face сайтындағы “{name}” — CTranslate2 пішіміндегі Whisper моделі емес (model.bin файлы жоқ). faster-whisper үшін түрлендірілген нұсқасын таңдаңыз.</translation>
    </message>
    <message>
        <source>“{path}” does not exist.</source>
        <translation>“{path}” жоқ.</translation>
    </message>
    <message>
        <source>“{path}” is a link to “{target}”, which does not exist. Connect the disk it points to, or add the recording itself.</source>
        <translation>“{path}” жоқ “{target}” орнына сілтеме жасайды. Ол көрсететін дискіні қосыңыз немесе жазбаның өзін қосыңыз.</translation>
    </message>
    <message>
        <source>“{taken}” already exists and kzdesk did not write it for this recording, so the transcript was saved as “{chosen}”.</source>
        <translation>«{taken}» бұрыннан бар және оны kzdesk бұл жазба үшін жазған жоқ, сондықтан транскрипт «{chosen}» ретінде сақталды.</translation>
    </message>
    <message>
        <source>“{url}” is not an address kzdesk can use for a transcription server. Enter one that starts with http:// or https://, such as http://asr.example.org:8000.</source>
        <translation>“{url}” — kzdesk тану сервері үшін қолдана алатын мекенжай емес. http:// немесе https:// арқылы басталатын мекенжай енгізіңіз, мысалы http://asr.example.org:8000.</translation>
    </message>
</context>
<context>
    <name>ModelDownloadDialog</name>
    <message>
        <source>Downloading a Whisper model</source>
        <translation>Whisper моделі жүктелуде</translation>
    </message>
    <message>
        <source>Downloading the Whisper model “{0}” (about {1})…</source>
        <translation>“{0}” Whisper моделі жүктелуде (шамамен {1})…</translation>
    </message>
    <message>
        <source>Downloading the Whisper model “{0}”…</source>
        <translation>“{0}” Whisper моделі жүктелуде…</translation>
    </message>
    <message>
        <source>Stopping the download…</source>
        <translation>Жүктеу тоқтатылуда…</translation>
    </message>
</context>
<context>
    <name>ModelSize</name>
    <message>
        <source>{size} GB</source>
        <translation>{size} ГБ</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
</context>
<context>
    <name>OfflineSettingsPage</name>
    <message>
        <source>&amp;Download now</source>
        <translation>Қазір &amp;жүктеу</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Модель:</translation>
    </message>
    <message>
        <source>A CTranslate2 model folder, or Org/name</source>
        <translation>CTranslate2 моделінің қалтасы немесе Ұйым/атау</translation>
    </message>
    <message>
        <source>A model folder or Hugging Face id</source>
        <translation>Модель қалтасы немесе Hugging Face идентификаторы</translation>
    </message>
    <message>
        <source>Automatic (the graphics card when there is one)</source>
        <translation>Автоматты түрде (бейнекарта болса, соны қолданады)</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>&amp;Қалтаны таңдау…</translation>
    </message>
    <message>
        <source>Choose a Whisper model folder</source>
        <translation>Whisper моделінің қалтасын таңдаңыз</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Жою</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Орнатылған модельдер</translation>
    </message>
    <message>
        <source>Kept in {0}</source>
        <translation>Сақталатын орны: {0}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Models download once, on first use or here, and then work without the internet. Small models are fast but recognise Kazakh poorly: for Kazakh choose large-v3-turbo or a model folder trained for Kazakh.</source>
        <translation>Модельдер бір рет — алғаш қолданғанда немесе осы жерден — жүктеледі, содан кейін интернетсіз жұмыс істейді. Шағын модельдер жылдам, бірақ қазақ тілін нашар таниды: қазақ тілі үшін large-v3-turbo моделін немесе қазақ тіліне үйретілген модель қалтасын таңдаңыз.</translation>
    </message>
    <message>
        <source>NVIDIA graphics card (CUDA)</source>
        <translation>NVIDIA бейнекартасы (CUDA)</translation>
    </message>
    <message>
        <source>No model is downloaded yet.</source>
        <translation>Әзірге ешбір модель жүктелмеген.</translation>
    </message>
    <message>
        <source>Not downloaded yet: it downloads when the first file needs it, or now.</source>
        <translation>Әлі жүктелмеген: бірінші файлға қажет болғанда немесе қазір жүктеледі.</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Процессор</translation>
    </message>
    <message>
        <source>R&amp;un on:</source>
        <translation>&amp;Орындалатын құрылғы:</translation>
    </message>
    <message>
        <source>Ready: this model is on this computer.</source>
        <translation>Дайын: бұл модель осы компьютерде бар.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Өлшемі</translation>
    </message>
    <message>
        <source>Whisper on this computer</source>
        <translation>Осы компьютердегі Whisper</translation>
    </message>
    <message>
        <source>{0} (about {1})</source>
        <translation>{0} (шамамен {1})</translation>
    </message>
    <message>
        <source>“{0}” could not be deleted ({1}).</source>
        <translation>“{0}” жойылмады ({1}).</translation>
    </message>
</context>
<context>
    <name>PhraseAgainController</name>
    <message>
        <source>Downloading the offline model to recognise the phrase at {time}… {percent}%</source>
        <translation>{time} фразасын қайта тану үшін офлайн модель жүктелуде… {percent}%</translation>
    </message>
    <message>
        <source>Listen to this phrase again on this computer, in {language}, and replace its words (Undo brings them back)</source>
        <translation>Бұл фразаны осы компьютерде қайта тыңдап ({language}), сөздерін ауыстыру (Болдырмау оларды қайтарады)</translation>
    </message>
    <message>
        <source>Recognise again in {language}</source>
        <translation>Қайта тану: {language}</translation>
    </message>
    <message>
        <source>Recognising the phrase at {time} in {language}… {percent}%</source>
        <translation>{time} фразасы қайта танылуда ({language})… {percent}%</translation>
    </message>
    <message>
        <source>The phrase at {time} waits: the offline engine is transcribing a file of the queue. It is recognised again in {language} right after.</source>
        <translation>{time} фразасы күтіп тұр: офлайн қозғалтқыш кезектегі файлды танып жатыр. Фраза одан кейін бірден қайта танылады ({language}).</translation>
    </message>
    <message>
        <source>The phrase was changed while it was being recognised again, so your text is kept.</source>
        <translation>Фраза қайта танылып жатқанда өзгертілді, сондықтан сіздің мәтініңіз сақталды.</translation>
    </message>
    <message>
        <source>The phrase was recognised again in {language}. Undo brings back the words it had.</source>
        <translation>Фраза қайта танылды ({language}). Болдырмау бұрынғы сөздерін қайтарады.</translation>
    </message>
    <message>
        <source>The recording is not available any more, so the phrase cannot be heard again. Put the original file back where it was.</source>
        <translation>Жазба енді қолжетімсіз, сондықтан фразаны қайта тыңдау мүмкін емес. Түпнұсқа файлды бұрынғы орнына қайтарыңыз.</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>The recording “{name}” is not there any more or cannot be read, so it cannot be played. The transcript can still be edited and exported.</source>
        <translation>“{name}” жазбасы енді жоқ немесе оқылмайды, сондықтан оны ойнату мүмкін емес. Транскриптті бәрібір өңдеуге және экспорттауға болады.</translation>
    </message>
    <message>
        <source>There is no recording to play.</source>
        <translation>Ойнататын жазба жоқ.</translation>
    </message>
    <message>
        <source>kzdesk cannot play “{name}”: its format is not supported for playback. The transcript can still be edited and exported.</source>
        <translation>kzdesk “{name}” файлын ойната алмайды: оның пішімі ойнатуға қолдау көрсетілмейді. Транскриптті бәрібір өңдеуге және экспорттауға болады.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”, so it cannot be played. Change the file&apos;s permissions or copy it to a folder of your own.</source>
        <translation>kzdesk-ке “{name}” файлын оқуға рұқсат жоқ, сондықтан оны ойнату мүмкін емес. Файлдың рұқсаттарын өзгертіңіз немесе оны өз қалтаңызға көшіріңіз.</translation>
    </message>
    <message>
        <source>“{name}” could not be played. It may be damaged, or it was moved while open. The transcript can still be edited and exported.</source>
        <translation>“{name}” ойнатылмады. Файл зақымдалған болуы мүмкін немесе ашық тұрғанда жылжытылған. Транскриптті бәрібір өңдеуге және экспорттауға болады.</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>+5 s</source>
        <translation>+5 с</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>5 секунд артқа</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Жылдамырақ</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Ілесу</translation>
    </message>
    <message>
        <source>Follow playback</source>
        <translation>Ойнатуға ілесу</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>5 секунд алға</translation>
    </message>
    <message>
        <source>Keep the phrase being played in view</source>
        <translation>Ойнатылып жатқан фразаны көрініп тұратындай ұстау</translation>
    </message>
    <message>
        <source>No sound device</source>
        <translation>Дыбыс құрылғысы жоқ</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Playback speed ({slower} slower, {faster} faster)</source>
        <translation>Ойнату жылдамдығы ({slower} — баяуырақ, {faster} — жылдамырақ)</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Жазбадағы орын</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Баяуырақ</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Жылдамдық</translation>
    </message>
    <message>
        <source>kzdesk found no speakers or headphones, so playback is silent (the position still moves). Connect a sound device; playback uses it as soon as it is there.</source>
        <translation>kzdesk динамиктерді де, құлаққапты да таппады, сондықтан ойнату дыбыссыз жүреді (орны бәрібір жылжиды). Дыбыс құрылғысын қосыңыз: ол пайда болған бойда ойнату соны қолданады.</translation>
    </message>
    <message>
        <source>−5 s</source>
        <translation>−5 с</translation>
    </message>
</context>
<context>
    <name>Proofreading</name>
    <message numerus="yes">
        <source>%n uncertain word(s) left</source>
        <translation>
            <numerusform>Күмәнді сөздер қалды: %n</numerusform>
            <numerusform>Күмәнді сөздер қалды: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept all glossary suggestions</source>
        <translation>Глоссарийдің барлық ұсынысын қабылдау</translation>
    </message>
    <message>
        <source>Accept glossary suggestion</source>
        <translation>Глоссарий ұсынысын қабылдау</translation>
    </message>
    <message>
        <source>Add “{word}” to the Glossary</source>
        <translation>«{word}» сөзін глоссарийге қосу</translation>
    </message>
    <message>
        <source>Keep word (ignore suggestion)</source>
        <translation>Сөзді қалдыру (ұсынысты елемеу)</translation>
    </message>
    <message>
        <source>Keep “{found}”</source>
        <translation>«{found}» қалсын</translation>
    </message>
    <message>
        <source>Looking for corrections…</source>
        <translation>Түзетулер ізделуде…</translation>
    </message>
    <message>
        <source>Mark as checked</source>
        <translation>Тексерілді деп белгілеу</translation>
    </message>
    <message>
        <source>Mark “{word}” as Checked</source>
        <translation>«{word}» тексерілді деп белгілеу</translation>
    </message>
    <message>
        <source>Marked as checked.</source>
        <translation>Тексерілді деп белгіленді.</translation>
    </message>
    <message>
        <source>Next uncertain word</source>
        <translation>Келесі күмәнді сөз</translation>
    </message>
    <message>
        <source>No corrections found</source>
        <translation>Түзету табылмады</translation>
    </message>
    <message>
        <source>No uncertain words left.</source>
        <translation>Күмәнді сөз қалмады.</translation>
    </message>
    <message>
        <source>P&amp;roofread</source>
        <translation>&amp;Тексеру</translation>
    </message>
    <message>
        <source>Previous uncertain word</source>
        <translation>Алдыңғы күмәнді сөз</translation>
    </message>
    <message>
        <source>Replace “{found}” with “{term}” (Glossary)</source>
        <translation>«{found}» орнына «{term}» (глоссарий)</translation>
    </message>
    <message>
        <source>The engine gave no confidence for the words of this transcript (SpeechKit gives none), so no word is marked as uncertain.</source>
        <translation>Қозғалтқыш бұл транскрипт сөздерінің сенімділігін бермеді (SpeechKit бермейді), сондықтан ешбір сөз күмәнді деп белгіленбейді.</translation>
    </message>
    <message>
        <source>There are no glossary suggestions.</source>
        <translation>Глоссарий ұсыныстары жоқ.</translation>
    </message>
    <message>
        <source>This phrase has no glossary suggestion.</source>
        <translation>Бұл фразада глоссарий ұсынысы жоқ.</translation>
    </message>
    <message>
        <source>Words the engine was not sure of: F8 goes to the next one, F9 marks it checked.</source>
        <translation>Қозғалтқыш сенімсіз болған сөздер: F8 келесісіне өтеді, F9 тексерілді деп белгілейді.</translation>
    </message>
    <message>
        <source>“{word}” is in the glossary now.</source>
        <translation>«{word}» енді глоссарийде.</translation>
    </message>
</context>
<context>
    <name>ProofreadingSettingsPage</name>
    <message>
        <source>&amp;Resuming playback rewinds:</source>
        <translation>Ойнатуды &amp;жалғастырғанда кері айналдыру:</translation>
    </message>
    <message>
        <source>Check &amp;spelling (Kazakh, Russian, English)</source>
        <translation>&amp;Емлені тексеру (қазақша, орысша, ағылшынша)</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Редактор</translation>
    </message>
    <message>
        <source>F8 &amp;plays from before the word:</source>
        <translation>F8 сөздің &amp;алдынан ойнатады:</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Глоссарий</translation>
    </message>
    <message>
        <source>Mark words &amp;below confidence:</source>
        <translation>Сенімділігі &amp;төмен сөздерді белгілеу:</translation>
    </message>
    <message>
        <source>Names, places, organisations and terms, one a line — the Kazakh and the Russian spelling each on its own line. The editor suggests them where a word looks like one. Each job can add its own list (its menu, Glossary…), which the offline engine also listens for.</source>
        <translation>Есімдер, жер атаулары, ұйымдар мен терминдер, әр жолға біреуден — қазақша және орысша жазылуы әрқайсысы бөлек жолда. Редактор сөз соларға ұқсаған жерде оларды ұсынады. Әр тапсырма өз тізімін қоса алады (оның мәзірі, Глоссарий…), оны офлайн қозғалтқыш та тыңдайды.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Өшірулі</translation>
    </message>
    <message>
        <source>Words the offline engine was less sure of are underlined with dots; F8 goes to the next one. SpeechKit gives no confidence, so its words are not marked.</source>
        <translation>Офлайн қозғалтқыш аз сенген сөздердің асты нүктемен сызылады; F8 келесісіне өтеді. SpeechKit сенімділік бермейді, сондықтан оның сөздері белгіленбейді.</translation>
    </message>
</context>
<context>
    <name>QueueHeldBanner</name>
    <message>
        <source>{sentence} This window shows its progress and takes over when it finishes. Files you add now are done by it; cancelling and removing wait until then.</source>
        <translation>{sentence} Бұл терезе оның барысын көрсетеді және ол аяқтағанда жұмысты өзіне алады. Қазір қосқан файлдарыңызды сол өңдейді; болдырмау мен жою сол уақытқа дейін күтеді.</translation>
    </message>
</context>
<context>
    <name>SegmentLanguage</name>
    <message>
        <source>English</source>
        <translation>Ағылшын тілі</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақ тілі</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орыс тілі</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Сөйлеуші</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Мәтін</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
</context>
<context>
    <name>ServerSettingsPage</name>
    <message>
        <source>&amp;Address:</source>
        <translation>Мекен&amp;жай:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Модель:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Байланысты &amp;тексеру</translation>
    </message>
    <message>
        <source>A server of your organisation that speaks OpenAI&apos;s audio API (vLLM, speaches, faster-whisper). Recordings go to it and nowhere else; speakers are found on this computer.</source>
        <translation>Ұйымыңыздың OpenAI аудио API-мен жұмыс істейтін сервері (vLLM, speaches, faster-whisper). Жазбалар тек соған жіберіледі; сөйлеушілер осы компьютерде анықталады.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;кілті:</translation>
    </message>
    <message>
        <source>Connected: the model “{0}” answered in {1} s.</source>
        <translation>Байланыс бар: “{0}” моделі {1} с ішінде жауап берді.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address first.</source>
        <translation>Алдымен сервердің мекенжайын енгізіңіз.</translation>
    </message>
    <message>
        <source>Largest &amp;upload:</source>
        <translation>Жүктеудің &amp;ең үлкен көлемі:</translation>
    </message>
    <message>
        <source>Long recordings are cut at pauses into pieces under this size, and this many pieces are sent at once (for all files together).</source>
        <translation>Ұзын жазбалар үзілістерден осы көлемнен кіші бөліктерге бөлінеді, және бір уақытта осынша бөлік жіберіледі (барлық файлдар үшін бірге).</translation>
    </message>
    <message>
        <source>New files go to the transcription server: enter its address on the Server page, or choose another engine.</source>
        <translation>Жаңа файлдар тану серверіне жіберіледі: оның мекенжайын «Сервер» бетінде енгізіңіз немесе басқа тану жүйесін таңдаңыз.</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Тек сервер сұраса</translation>
    </message>
    <message>
        <source>Requests at o&amp;nce:</source>
        <translation>&amp;Қатар сұраулар:</translation>
    </message>
    <message>
        <source>Sending one second of silence to the server…</source>
        <translation>Серверге бір секунд тыныштық жіберілуде…</translation>
    </message>
    <message>
        <source>The name the server knows, such as whisper-1, Systran/faster-whisper-large-v3 or openai/whisper-large-v3.</source>
        <translation>Сервер білетін атау, мысалы whisper-1, Systran/faster-whisper-large-v3 немесе openai/whisper-large-v3.</translation>
    </message>
    <message>
        <source>The server lists these models, not “{0}”: {1}.</source>
        <translation>Сервер “{0}” емес, мына модельдерді көрсетеді: {1}.</translation>
    </message>
    <message>
        <source>The test failed unexpectedly. Details are in the log (Help menu).</source>
        <translation>Тексеру күтпеген жерден сәтсіз аяқталды. Толығырақ журналда (Анықтама мәзірі).</translation>
    </message>
    <message>
        <source>Word times: no — each phrase keeps the server&apos;s own times.</source>
        <translation>Сөз уақыттары: жоқ — әр фраза сервер берген уақытын сақтайды.</translation>
    </message>
    <message>
        <source>Word times: yes.</source>
        <translation>Сөз уақыттары: бар.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s transcription server</source>
        <translation>Ұйымыңыздың тану сервері</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Валюта:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Жалпы</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Модель:</translation>
    </message>
    <message>
        <source>&amp;Offline engine</source>
        <translation>&amp;Офлайн тану</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматты түрде</translation>
    </message>
    <message>
        <source>Cost estimate</source>
        <translation>Құнын бағалау</translation>
    </message>
    <message>
        <source>Deferred — cheaper, within 24 h</source>
        <translation>Кейінге қалдырылған — арзанырақ, 24 сағат ішінде</translation>
    </message>
    <message>
        <source>E&amp;ngine:</source>
        <translation>Тану &amp;жүйесі:</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>Each channel is a person</source>
        <translation>Әр арна — жеке адам</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>Interface lan&amp;guage:</source>
        <translation>Интерфейс &amp;тілі:</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақ тілі</translation>
    </message>
    <message>
        <source>Kazakh + Russian</source>
        <translation>Қазақ + орыс</translation>
    </message>
    <message>
        <source>New files start with these choices.</source>
        <translation>Жаңа файлдар осы баптаулармен басталады.</translation>
    </message>
    <message>
        <source>No estimate</source>
        <translation>Бағаламау</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Өшірулі</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>Қатар орындалатын &amp;тапсырмалар:</translation>
    </message>
    <message>
        <source>Price per m&amp;inute:</source>
        <translation>&amp;Минут бағасы:</translation>
    </message>
    <message>
        <source>Proo&amp;freading</source>
        <translation>&amp;Тексеру</translation>
    </message>
    <message>
        <source>Recognition defaults</source>
        <translation>Әдепкі тану баптаулары</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орыс тілі</translation>
    </message>
    <message>
        <source>S&amp;peakers:</source>
        <translation>&amp;Сөйлеушілер:</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Жүйедегідей</translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation>Се&amp;рвер</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Стандартты</translation>
    </message>
    <message>
        <source>Takes effect after kzdesk restarts.</source>
        <translation>kzdesk қайта іске қосылғаннан кейін күшіне енеді.</translation>
    </message>
    <message>
        <source>The settings could not be saved in “{0}” ({1}).</source>
        <translation>Баптауларды “{0}” ішіне сақтау мүмкін болмады ({1}).</translation>
    </message>
    <message>
        <source>Your SpeechKit price, used only to show estimates.</source>
        <translation>SpeechKit бағаңыз, тек болжамды құнды көрсету үшін қолданылады.</translation>
    </message>
</context>
<context>
    <name>SpeakerListModel</name>
    <message>
        <source>Suggested: {name} sounds like a saved voice. Confirm the name or rename the speaker.</source>
        <translation>Ұсыныс: бұл дауыс сақталған {name} дауысына ұқсайды. Атын растаңыз немесе сөйлеушінің атын өзгертіңіз.</translation>
    </message>
    <message>
        <source>{keys} gives the selected phrase to {name}</source>
        <translation>{keys} таңдалған фразаны сөйлеушіге береді: {name}</translation>
    </message>
    <message>
        <source>{percent}% of the talk time ({time})</source>
        <translation>сөйлеу уақытының {percent}% ({time})</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>&amp;Add speaker</source>
        <translation>Сөйлеуші &amp;қосу</translation>
    </message>
    <message>
        <source>&amp;Confirm name</source>
        <translation>Атын &amp;растау</translation>
    </message>
    <message>
        <source>&amp;Known voices…</source>
        <translation>&amp;Таныс дауыстар…</translation>
    </message>
    <message>
        <source>&amp;Merge into</source>
        <translation>&amp;Біріктіру</translation>
    </message>
    <message>
        <source>&amp;Merge {name} into</source>
        <translation>{name} сөйлеушісін &amp;біріктіру</translation>
    </message>
    <message>
        <source>&amp;Play a sample</source>
        <translation>Үзінді &amp;ойнату</translation>
    </message>
    <message>
        <source>&amp;Rename speaker</source>
        <translation>Сөйлеуші атын &amp;өзгерту</translation>
    </message>
    <message>
        <source>&amp;Save voice as…</source>
        <translation>Дауысты &amp;сақтау…</translation>
    </message>
    <message>
        <source>Add a speaker and type their name</source>
        <translation>Сөйлеуші қосып, атын жазыңыз</translation>
    </message>
    <message>
        <source>Added {name}. Type a name, then press Enter.</source>
        <translation>{name} қосылды. Атын жазып, Enter пернесін басыңыз.</translation>
    </message>
    <message>
        <source>Give all phrases of this speaker to another one and remove this speaker</source>
        <translation>Осы сөйлеушінің барлық фразаларын басқа сөйлеушіге беріп, бұл сөйлеушіні жою</translation>
    </message>
    <message>
        <source>Keep this speaker&apos;s voice under their name, so new transcripts suggest it</source>
        <translation>Осы сөйлеушінің дауысын оның атымен сақтау, сонда жаңа транскрипттер осы атты ұсынады</translation>
    </message>
    <message numerus="yes">
        <source>Merged {removed} into {kept}: %n phrase(s) moved. Undo brings them back.</source>
        <translation>
            <numerusform>{removed} сөйлеушісі {kept} сөйлеушісіне біріктірілді: %n фраза ауыстырылды. Болдырмау оларды қайтарады.</numerusform>
            <numerusform>{removed} сөйлеушісі {kept} сөйлеушісіне біріктірілді: %n фраза ауыстырылды. Болдырмау оларды қайтарады.</numerusform>
        </translation>
    </message>
    <message>
        <source>Play a few seconds of this speaker&apos;s voice</source>
        <translation>Осы сөйлеушінің дауысын бірнеше секунд ойнату</translation>
    </message>
    <message>
        <source>Rename or delete the voices saved on this computer</source>
        <translation>Осы компьютерде сақталған дауыстардың атын өзгерту немесе оларды жою</translation>
    </message>
    <message>
        <source>Save this voice as:</source>
        <translation>Бұл дауысты мына атпен сақтау:</translation>
    </message>
    <message>
        <source>Save voice</source>
        <translation>Дауысты сақтау</translation>
    </message>
    <message>
        <source>Saved the voice of {name}. New transcripts will suggest this name.</source>
        <translation>{name} дауысы сақталды. Жаңа транскрипттер осы атты ұсынады.</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Сөйлеушілер</translation>
    </message>
    <message>
        <source>The suggested name is right: keep it as this speaker&apos;s name</source>
        <translation>Ұсынылған ат дұрыс: оны осы сөйлеушінің аты ретінде қалдыру</translation>
    </message>
    <message>
        <source>The voice could not be saved. Check that the data folder is writable.</source>
        <translation>Дауысты сақтау мүмкін болмады. Деректер қалтасына жазуға болатынын тексеріңіз.</translation>
    </message>
    <message>
        <source>This speaker has no voice to save: only speakers found on this computer (a number of people chosen for the file, or the offline engine) have one, not SpeechKit&apos;s labels or channels.</source>
        <translation>Бұл сөйлеушінің сақтайтын дауысы жоқ: дауыс тек осы компьютерде анықталған сөйлеушілерде болады (файл үшін адам саны таңдалғанда немесе офлайн тану қолданылғанда), SpeechKit белгілерінде не арналарда болмайды.</translation>
    </message>
    <message>
        <source>{name} confirmed.</source>
        <translation>“{name}” аты расталды.</translation>
    </message>
    <message>
        <source>{name} has no phrases yet, so there is nothing to play.</source>
        <translation>{name} сөйлеушісінің әзірге фразасы жоқ, сондықтан ойнататын ештеңе жоқ.</translation>
    </message>
    <message>
        <source>{removed} could not be merged into {kept}.</source>
        <translation>{removed} сөйлеушісін {kept} сөйлеушісіне біріктіру мүмкін болмады.</translation>
    </message>
</context>
<context>
    <name>SpeechKitSettingsGroup</name>
    <message>
        <source>&amp;Folder ID:</source>
        <translation>&amp;Қалта ID:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Байланысты &amp;тексеру</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;кілті:</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Байланыс тексерілуде…</translation>
    </message>
    <message>
        <source>Connected. SpeechKit accepted the key.</source>
        <translation>Байланыс орнатылды. SpeechKit кілтті қабылдады.</translation>
    </message>
    <message>
        <source>For example b1g2abc3def4</source>
        <translation>Мысалы, b1g2abc3def4</translation>
    </message>
    <message>
        <source>Needed only when the key belongs to a user account, not a service account.</source>
        <translation>Кілт сервистік аккаунтқа емес, пайдаланушы аккаунтына тиесілі болғанда ғана қажет.</translation>
    </message>
    <message>
        <source>Paste the API key first.</source>
        <translation>Алдымен API кілтін қойыңыз.</translation>
    </message>
    <message>
        <source>Paste the API key from Yandex Cloud</source>
        <translation>Yandex Cloud-тан алынған API кілтін қойыңыз</translation>
    </message>
    <message>
        <source>SpeechKit connection</source>
        <translation>SpeechKit байланысы</translation>
    </message>
    <message>
        <source>The test failed unexpectedly. Details are in the log (Help menu).</source>
        <translation>Тексеру күтпеген жерден сәтсіз аяқталды. Толығырақ журналда (Анықтама мәзірі).</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n жазбадан бас тартылды</numerusform>
            <numerusform>%n жазбадан бас тартылды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n сәтсіз</numerusform>
            <numerusform>%n сәтсіз</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>кезекте %n</numerusform>
            <numerusform>кезекте %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) transcribed</source>
        <translation>
            <numerusform>%n жазба мәтінге түсірілді</numerusform>
            <numerusform>%n жазба мәтінге түсірілді</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>орындалуда %n</numerusform>
            <numerusform>орындалуда %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was transcribed: %n recording(s) cancelled.</source>
        <translation>
            <numerusform>Ештеңе мәтінге түсірілмеді: %n жазбадан бас тартылды.</numerusform>
            <numerusform>Ештеңе мәтінге түсірілмеді: %n жазбадан бас тартылды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was transcribed: %n recording(s) failed.</source>
        <translation>
            <numerusform>Ештеңе мәтінге түсірілмеді: %n жазба сәтсіз аяқталды.</numerusform>
            <numerusform>Ештеңе мәтінге түсірілмеді: %n жазба сәтсіз аяқталды.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was transcribed: {what}.</source>
        <translation>Ештеңе мәтінге түсірілмеді: {what}.</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>шамамен %n мин қалды</numerusform>
            <numerusform>шамамен %n мин қалды</numerusform>
        </translation>
    </message>
    <message>
        <source>about {hours} h {minutes} min left</source>
        <translation>шамамен {hours} сағ {minutes} мин қалды</translation>
    </message>
    <message numerus="yes">
        <source>at least %n min left</source>
        <translation>
            <numerusform>кемінде %n мин қалды</numerusform>
            <numerusform>кемінде %n мин қалды</numerusform>
        </translation>
    </message>
    <message>
        <source>at least {hours} h {minutes} min left</source>
        <translation>кемінде {hours} сағ {minutes} мин қалды</translation>
    </message>
    <message>
        <source>est. cost {amount} {currency}</source>
        <translation>болжамды құны {amount} {currency}</translation>
    </message>
    <message>
        <source>kzdesk: the queue is finished</source>
        <translation>kzdesk: кезек аяқталды</translation>
    </message>
    <message>
        <source>kzdesk: the queue stopped</source>
        <translation>kzdesk: кезек тоқтады</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>бір минуттан аз қалды</translation>
    </message>
    <message>
        <source>queue paused</source>
        <translation>кезек кідіртілді</translation>
    </message>
    <message numerus="yes">
        <source>today %n min of audio</source>
        <translation>
            <numerusform>бүгін %n мин аудио</numerusform>
            <numerusform>бүгін %n мин аудио</numerusform>
        </translation>
    </message>
    <message>
        <source>today {hours} h of audio</source>
        <translation>бүгін {hours} сағ аудио</translation>
    </message>
</context>
<context>
    <name>SubtitleRulesForm</name>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>&amp;Gap between cues:</source>
        <translation>&amp;Субтитрлер арасындағы аралық:</translation>
    </message>
    <message>
        <source>Characters per &amp;line:</source>
        <translation>&amp;Жолдағы таңба саны:</translation>
    </message>
    <message>
        <source>Lines per c&amp;ue:</source>
        <translation>Титрдегі &amp;жол саны:</translation>
    </message>
    <message>
        <source>Longest cue:</source>
        <translation>Ең ұзын титр:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Жоқ</translation>
    </message>
    <message>
        <source>Reading &amp;speed (characters per second):</source>
        <translation>Оқу &amp;жылдамдығы (секундына таңба):</translation>
    </message>
    <message>
        <source>Shortest cue:</source>
        <translation>Ең қысқа титр:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Reading the waveform…</source>
        <translation>Дыбыс толқыны оқылуда…</translation>
    </message>
    <message>
        <source>The waveform cannot be drawn.</source>
        <translation>Дыбыс толқынын салу мүмкін емес.</translation>
    </message>
    <message>
        <source>Two or more people speak at once here.</source>
        <translation>Мұнда екі не одан көп адам бір мезгілде сөйлейді.</translation>
    </message>
    <message>
        <source>Waveform and speaker turns</source>
        <translation>Дыбыс толқыны және сөйлеушілер кезегі</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Loop current phrase</source>
        <translation>Ағымдағы фразаны қайталау</translation>
    </message>
    <message>
        <source>Play the current phrase again and again ({keys})</source>
        <translation>Ағымдағы фразаны қайта-қайта ойнату ({keys})</translation>
    </message>
</context>
<context>
    <name>VoiceListModel</name>
    <message>
        <source>Saved with an earlier voice model, so new transcripts cannot recognise it. Open a transcript where this person speaks and choose Save voice as… with the same name.</source>
        <translation>Бұрынғы дауыс моделімен сақталған, сондықтан жаңа транскрипттер оны танымайды. Осы адам сөйлейтін транскриптті ашып, сол есіммен «Дауысты басқаша сақтау…» таңдаңыз.</translation>
    </message>
    <message numerus="yes">
        <source>Saved {date} from %n recording(s)</source>
        <translation>
            <numerusform>{date} күні %n жазбадан сақталды</numerusform>
            <numerusform>{date} күні %n жазбадан сақталды</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (needs a new sample)</source>
        <translation>{name} (жаңа үлгі керек)</translation>
    </message>
</context>
<context>
    <name>VoicesDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Жою</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Атын өзгерту</translation>
    </message>
    <message>
        <source>Delete voice</source>
        <translation>Дауысты жою</translation>
    </message>
    <message>
        <source>Forget the voice of {name}? New transcripts will no longer suggest this name; transcripts already made keep their names.</source>
        <translation>{name} дауысын ұмыту керек пе? Жаңа транскрипттер бұл атты енді ұсынбайды; бұрын жасалған транскрипттердегі аттар сақталады.</translation>
    </message>
    <message>
        <source>Known voices</source>
        <translation>Таныс дауыстар</translation>
    </message>
    <message>
        <source>No voices are saved yet. In a transcript, right-click a speaker and choose “Save voice as…”.</source>
        <translation>Әзірге сақталған дауыс жоқ. Транскриптте сөйлеушіні тінтуірдің оң жақ батырмасымен басып, “Дауысты сақтау…” тармағын таңдаңыз.</translation>
    </message>
    <message>
        <source>Voices saved from transcripts. New transcripts suggest these names for speakers who sound the same. Double-click a name to change it.</source>
        <translation>Транскрипттерден сақталған дауыстар. Жаңа транскрипттер дауысы ұқсас сөйлеушілерге осы аттарды ұсынады. Атты өзгерту үшін оны екі рет басыңыз.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>kzdesk is already open: its window was brought forward.</source>
        <translation>kzdesk әлдеқашан ашық: оның терезесі алдыңғы планға шығарылды.</translation>
    </message>
    <message>
        <source>kzdesk is already open: the files were handed to its window.</source>
        <translation>kzdesk әлдеқашан ашық: файлдар оның терезесіне жіберілді.</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Something unexpected stopped kzdesk while it started ({name}). The details are in the log file in {folder}; send it to support if this happens again.</source>
        <translation>kzdesk іске қосылып жатқанда күтпеген қате болды ({name}). Толығырақ {folder} ішіндегі журнал файлында; бұл қайталанса, оны қолдау қызметіне жіберіңіз.</translation>
    </message>
    <message>
        <source>Start with an empty queue (the damaged file is kept as {name})</source>
        <translation>Бос кезектен бастау (зақымдалған файл {name} ретінде сақталады)</translation>
    </message>
    <message>
        <source>The queue database {path} is damaged and cannot be opened.</source>
        <translation>{path} кезек дерекқоры зақымдалған, оны ашу мүмкін емес.</translation>
    </message>
    <message>
        <source>kzdesk can start with an empty queue. Nothing is deleted: the damaged file is kept as {aside}, so it can still be restored or sent to support.</source>
        <translation>kzdesk бос кезекпен іске қосыла алады. Ештеңе жойылмайды: зақымдалған файл {aside} ретінде сақталады, оны кейін қалпына келтіруге немесе қолдау қызметіне жіберуге болады.</translation>
    </message>
    <message>
        <source>kzdesk cannot start.</source>
        <translation>kzdesk іске қосылмайды.</translation>
    </message>
</context>
</TS>
