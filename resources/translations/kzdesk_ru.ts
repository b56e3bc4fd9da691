<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>About</name>
    <message>
        <source>Third-party licences</source>
        <translation>Лицензии сторонних компонентов</translation>
    </message>
    <message>
        <source>Transcripts of Kazakh and Russian recordings, with speakers, editing and export.</source>
        <translation>Расшифровка записей на казахском и русском языках: со спикерами, редактированием и экспортом.</translation>
    </message>
    <message>
        <source>kzdesk uses Qt (LGPL-3.0), FFmpeg (LGPL/GPL), Whisper models (MIT), the speaker models pyannote segmentation-3.0 (MIT, © CNRS) and CAM++ of 3D-Speaker (Apache-2.0), and other open-source software under their own licences.</source>
        <translation>kzdesk использует Qt (LGPL-3.0), FFmpeg (LGPL/GPL), модели Whisper (MIT), модели распознавания говорящих pyannote segmentation-3.0 (MIT, © CNRS) и CAM++ из 3D-Speaker (Apache-2.0), а также другие программы с открытым исходным кодом по их собственным лицензиям.</translation>
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
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <source>Drop recordings here — audio or video, any format</source>
        <translation>Перетащите записи сюда — аудио или видео, любой формат</translation>
    </message>
    <message>
        <source>Whole folders work too: everything that is not a recording is skipped.</source>
        <translation>Можно добавлять целые папки: всё, что не является записью, будет пропущено.</translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message>
        <source>Accept all glossary suggestions ({count})</source>
        <translation>Принять все подсказки глоссария ({count})</translation>
    </message>
    <message>
        <source>Add a speaker</source>
        <translation>Добавить спикера</translation>
    </message>
    <message>
        <source>Add speaker {name}</source>
        <translation>Добавить спикера {name}</translation>
    </message>
    <message>
        <source>Delete the phrase at {time}</source>
        <translation>Удалить фразу в {time}</translation>
    </message>
    <message>
        <source>Edit the phrase at {time}</source>
        <translation>Изменить фразу в {time}</translation>
    </message>
    <message>
        <source>Find speakers again</source>
        <translation>Найти говорящих заново</translation>
    </message>
    <message>
        <source>Give the phrase at {time} to {name}</source>
        <translation>Отдать фразу в {time} спикеру {name}</translation>
    </message>
    <message>
        <source>Keep “{found}” (ignore the glossary suggestion)</source>
        <translation>Оставить «{found}» (пропустить подсказку глоссария)</translation>
    </message>
    <message>
        <source>Mark the phrase at {time} as {language}</source>
        <translation>Отметить фразу в {time} как {language}</translation>
    </message>
    <message>
        <source>Mark words as checked in the phrase at {time}</source>
        <translation>Отметить слова как проверенные во фразе в {time}</translation>
    </message>
    <message>
        <source>Merge the phrase at {time} with the next</source>
        <translation>Объединить фразу в {time} со следующей</translation>
    </message>
    <message>
        <source>Merge {removed} into {kept}</source>
        <translation>Объединить спикера {removed} со спикером {kept}</translation>
    </message>
    <message>
        <source>Move the end of the phrase at {time} by {delta} ms</source>
        <translation>Сдвинуть конец фразы в {time} на {delta} мс</translation>
    </message>
    <message>
        <source>Move the phrase at {time}</source>
        <translation>Сдвинуть фразу в {time}</translation>
    </message>
    <message>
        <source>Move the start of the phrase at {time} by {delta} ms</source>
        <translation>Сдвинуть начало фразы в {time} на {delta} мс</translation>
    </message>
    <message>
        <source>Recognise the phrase at {time} again in {language}</source>
        <translation>Распознать заново фразу в {time} ({language})</translation>
    </message>
    <message>
        <source>Remove the speaker of the phrase at {time}</source>
        <translation>Убрать спикера у фразы в {time}</translation>
    </message>
    <message>
        <source>Rename speaker to {name}</source>
        <translation>Переименовать спикера в «{name}»</translation>
    </message>
    <message numerus="yes">
        <source>Replace %n matches of “{text}”</source>
        <translation>
            <numerusform>Заменить совпадения «{text}»: %n</numerusform>
            <numerusform>Заменить совпадения «{text}»: %n</numerusform>
            <numerusform>Заменить совпадения «{text}»: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace 1 match of “{text}”</source>
        <translation>Заменить 1 совпадение «{text}»</translation>
    </message>
    <message>
        <source>Replace “{found}” with “{replacement}” in the phrase at {time}</source>
        <translation>Заменить «{found}» на «{replacement}» во фразе в {time}</translation>
    </message>
    <message>
        <source>Replace “{found}” with “{term}” from the glossary</source>
        <translation>Заменить «{found}» на «{term}» из глоссария</translation>
    </message>
    <message>
        <source>Split the phrase at {time}</source>
        <translation>Разделить фразу в {time}</translation>
    </message>
    <message>
        <source>The last change could not be saved to disk. Check that the disk has free space, then make any edit again to save the transcript.</source>
        <translation>Последнее изменение не удалось сохранить на диск. Проверьте, есть ли на диске свободное место, и внесите любую правку ещё раз, чтобы сохранить расшифровку.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Give phrase to</source>
        <translation>&amp;Отдать фразу</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Воспроизведение</translation>
    </message>
    <message>
        <source>&amp;Speakers</source>
        <translation>&amp;Спикеры</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Изменения не сохранены</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Delete phrase</source>
        <translation>Удалить фразу</translation>
    </message>
    <message>
        <source>Edit and split the phrase</source>
        <translation>Изменить и разделить фразу</translation>
    </message>
    <message>
        <source>Edit phrase text</source>
        <translation>Изменить текст фразы</translation>
    </message>
    <message>
        <source>End 0.1 s earlier</source>
        <translation>Конец на 0,1 с раньше</translation>
    </message>
    <message>
        <source>End 0.1 s later</source>
        <translation>Конец на 0,1 с позже</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s).</source>
        <translation>
            <numerusform>Экспортирован %n файл.</numerusform>
            <numerusform>Экспортировано %n файла.</numerusform>
            <numerusform>Экспортировано %n файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Найти далее</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Найти ранее</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Найти…</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Merge with next phrase</source>
        <translation>Объединить со следующей фразой</translation>
    </message>
    <message>
        <source>NOT SAVED</source>
        <translation>НЕ СОХРАНЕНО</translation>
    </message>
    <message>
        <source>No waveform: the recording cannot be read.</source>
        <translation>Нет формы волны: запись не читается.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Other language…</source>
        <translation>Другой язык…</translation>
    </message>
    <message>
        <source>Phrase &amp;language</source>
        <translation>&amp;Язык фразы</translation>
    </message>
    <message>
        <source>Phrase &amp;timing</source>
        <translation>&amp;Границы фразы</translation>
    </message>
    <message>
        <source>Play from this phrase</source>
        <translation>Воспроизвести с этой фразы</translation>
    </message>
    <message>
        <source>Put the cursor where the phrase should be split, then press Ctrl+Enter.</source>
        <translation>Поставьте курсор туда, где нужно разделить фразу, и нажмите Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Redo {what}</source>
        <translation>Повторить: {what}</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Заменить…</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Сохранено в {time}</translation>
    </message>
    <message>
        <source>Split phrase at cursor</source>
        <translation>Разделить фразу по курсору</translation>
    </message>
    <message>
        <source>Start 0.1 s earlier</source>
        <translation>Начало на 0,1 с раньше</translation>
    </message>
    <message>
        <source>Start 0.1 s later</source>
        <translation>Начало на 0,1 с позже</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>Отменить: {what}</translation>
    </message>
    <message>
        <source>kzdesk cannot write the latest changes of this transcript to disk (the disk may be full or not available). If you close the window now, they are lost. Free some space and keep the window open to save them with the next change.</source>
        <translation>kzdesk не может записать последние изменения этой расшифровки на диск (возможно, диск заполнен или недоступен). Если закрыть окно сейчас, они будут потеряны. Освободите место и не закрывайте окно — изменения сохранятся вместе со следующей правкой.</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>сохранено</translation>
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
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <source>&amp;Join consecutive phrases of one speaker</source>
        <translation>&amp;Объединять идущие подряд фразы одного спикера</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Открыть папку</translation>
    </message>
    <message>
        <source>&amp;Time before each paragraph</source>
        <translation>&amp;Время перед каждым абзацем</translation>
    </message>
    <message>
        <source>A file name cannot hold any of these: &lt; &gt; : &quot; / \ | ? *</source>
        <translation>Имя файла не может содержать эти символы: &lt; &gt; : &quot; / \ | ? *</translation>
    </message>
    <message>
        <source>Choose the folder for the files.</source>
        <translation>Выберите папку для файлов.</translation>
    </message>
    <message>
        <source>Could not write “{name}” in “{folder}” ({reason}). Choose another folder and export again.</source>
        <translation>Не удалось записать «{name}» в папку «{folder}» ({reason}). Выберите другую папку и повторите экспорт.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Форматы</translation>
    </message>
    <message>
        <source>Puts “Name:” before the first cue of each speaker&apos;s turn. VTT files always carry the speaker as a voice tag.</source>
        <translation>Ставит «Имя:» перед первым титром каждой реплики спикера. В файлах VTT спикер всегда указывается тегом голоса.</translation>
    </message>
    <message>
        <source>Speaker &amp;names on SRT cues</source>
        <translation>&amp;Имена спикеров в титрах SRT</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>Субтитры</translation>
    </message>
    <message>
        <source>The export failed unexpectedly. Try again; the log file has the details.</source>
        <translation>Экспорт неожиданно завершился ошибкой. Попробуйте ещё раз; подробности — в файле журнала.</translation>
    </message>
    <message>
        <source>Tick at least one format.</source>
        <translation>Отметьте хотя бы один формат.</translation>
    </message>
    <message>
        <source>Type a file name.</source>
        <translation>Введите имя файла.</translation>
    </message>
    <message>
        <source>Word and text</source>
        <translation>Word и текст</translation>
    </message>
    <message>
        <source>Writing %v of %m…</source>
        <translation>Запись %v из %m…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to “{folder}”.</source>
        <translation>
            <numerusform>В папку «{folder}» записан %n файл.</numerusform>
            <numerusform>В папку «{folder}» записано %n файла.</numerusform>
            <numerusform>В папку «{folder}» записано %n файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” is a file, not a folder.</source>
        <translation>«{0}» — это файл, а не папка.</translation>
    </message>
</context>
<context>
    <name>ExportFormats</name>
    <message>
        <source>&amp;VTT subtitles</source>
        <translation>Субтитры &amp;VTT</translation>
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
        <translation>Простой &amp;текст</translation>
    </message>
    <message>
        <source>RTT&amp;M speaker turns</source>
        <translation>Реплики говорящих RTT&amp;M</translation>
    </message>
    <message>
        <source>S&amp;RT subtitles</source>
        <translation>Субтитры S&amp;RT</translation>
    </message>
</context>
<context>
    <name>ExportOutputGroup</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Already in the folder: {names}.</source>
        <translation>Уже есть в папке: {names}.</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Выберите папку для сохранения</translation>
    </message>
    <message>
        <source>File na&amp;me:</source>
        <translation>&amp;Имя файла:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Файлы:</translation>
    </message>
    <message>
        <source>Fol&amp;der:</source>
        <translation>П&amp;апка:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Сохранение</translation>
    </message>
    <message>
        <source>Re&amp;place them</source>
        <translation>&amp;Заменить их</translation>
    </message>
    <message>
        <source>Save with ne&amp;w names</source>
        <translation>Сохранить под &amp;новыми именами</translation>
    </message>
</context>
<context>
    <name>ExportSettingsPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Export when done:</source>
        <translation>&amp;Экспорт после завершения:</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Выберите папку для сохранения</translation>
    </message>
    <message>
        <source>Language of exports</source>
        <translation>Язык экспорта</translation>
    </message>
    <message>
        <source>Next to each recording</source>
        <translation>Рядом с каждой записью</translation>
    </message>
    <message>
        <source>Output fol&amp;der:</source>
        <translation>П&amp;апка для сохранения:</translation>
    </message>
    <message>
        <source>Same as the interface</source>
        <translation>Как в интерфейсе</translation>
    </message>
    <message>
        <source>Subtitle rules (SRT and VTT)</source>
        <translation>Правила субтитров (SRT и VTT)</translation>
    </message>
    <message>
        <source>The headings of Word files (Source file, Date, Speakers) and the names of speakers nobody renamed (Speaker 1, Channel 2) are written in this language.</source>
        <translation>Заголовки файлов Word (Исходный файл, Дата, Спикеры) и имена спикеров, которых никто не переименовал (Спикер 1, Канал 2), пишутся на этом языке.</translation>
    </message>
    <message>
        <source>Used by every subtitle export, the automatic ones too; the editor&apos;s Export dialog starts from them.</source>
        <translation>Действуют для любого экспорта субтитров, и для автоматического тоже; окно экспорта в редакторе начинает с них.</translation>
    </message>
    <message>
        <source>When a recording is done</source>
        <translation>Когда запись готова</translation>
    </message>
    <message>
        <source>Wor&amp;ds in exports:</source>
        <translation>&amp;Слова в экспорте:</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Channel {number}</source>
        <translation>Канал {number}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Исходный файл</translation>
    </message>
    <message>
        <source>Speaker {number}</source>
        <translation>Спикер {number}</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Спикеры</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
</context>
<context>
    <name>FailureDetails</name>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Waiting to retry. {sentence}</source>
        <translation>Ожидает повтора. {sentence}</translation>
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
            <numerusform>%n из этих записей уже есть в очереди с теми же настройками. Распознать их ещё раз? SpeechKit выставит счёт повторно.</numerusform>
            <numerusform>%n из этих записей уже есть в очереди с теми же настройками. Распознать их ещё раз? SpeechKit выставит счёт повторно.</numerusform>
            <numerusform>%n из этих записей уже есть в очереди с теми же настройками. Распознать их ещё раз? SpeechKit выставит счёт повторно.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a folder of recordings</source>
        <translation>Добавить папку с записями</translation>
    </message>
    <message>
        <source>Add recordings</source>
        <translation>Добавить записи</translation>
    </message>
    <message numerus="yes">
        <source>Added %n recording(s)</source>
        <translation>
            <numerusform>Добавлена %n запись</numerusform>
            <numerusform>Добавлены %n записи</numerusform>
            <numerusform>Добавлено %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Все файлы</translation>
    </message>
    <message>
        <source>Already in the queue</source>
        <translation>Уже в очереди</translation>
    </message>
    <message>
        <source>Audio and video</source>
        <translation>Аудио и видео</translation>
    </message>
    <message>
        <source>No recordings were added</source>
        <translation>Записи не добавлены</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n file(s) that are not audio or video</source>
        <translation>
            <numerusform>пропущен %n файл, не являющийся аудио или видео</numerusform>
            <numerusform>пропущены %n файла, не являющиеся аудио или видео</numerusform>
            <numerusform>пропущено %n файлов, не являющихся аудио или видео</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” is already in the queue (#{number}) with the same settings. Transcribe it again? With SpeechKit it is billed again.</source>
        <translation>«{name}» уже есть в очереди (№{number}) с теми же настройками. Распознать её ещё раз? SpeechKit выставит счёт повторно.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>С учётом регистра</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Заменить все</translation>
    </message>
    <message>
        <source>Replace every match; one step to undo</source>
        <translation>Заменить все совпадения; отменяется одним действием</translation>
    </message>
    <message>
        <source>Replace this match and go to the next</source>
        <translation>Заменить это совпадение и перейти к следующему</translation>
    </message>
    <message>
        <source>Use a regular expression; the replacement may refer to its groups as \1 or \g&lt;name&gt;</source>
        <translation>Регулярное выражение; в замене можно ссылаться на его группы как \1 или \g&lt;name&gt;</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Только слова целиком</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} из {total}</translation>
    </message>
</context>
<context>
    <name>FindSpeakersController</name>
    <message>
        <source>&amp;Find speakers again…</source>
        <translation>&amp;Найти говорящих заново…</translation>
    </message>
    <message>
        <source>Finding speakers…</source>
        <translation>Поиск говорящих…</translation>
    </message>
    <message>
        <source>Finding speakers… {percent}%</source>
        <translation>Поиск говорящих… {percent}%</translation>
    </message>
    <message numerus="yes">
        <source>Found %n speaker(s). Undo brings the previous speakers back.</source>
        <translation>
            <numerusform>Найден %n говорящий. Отмена вернёт прежних говорящих.</numerusform>
            <numerusform>Найдено %n говорящих. Отмена вернёт прежних говорящих.</numerusform>
            <numerusform>Найдено %n говорящих. Отмена вернёт прежних говорящих.</numerusform>
        </translation>
    </message>
    <message>
        <source>Listen to the recording again and give every phrase its speaker</source>
        <translation>Прослушать запись заново и указать говорящего для каждой фразы</translation>
    </message>
    <message>
        <source>The recording is not available any more, so its speakers cannot be found again. Put the original file back where it was.</source>
        <translation>Запись больше недоступна, поэтому говорящих нельзя найти заново. Верните исходный файл на прежнее место.</translation>
    </message>
</context>
<context>
    <name>FindSpeakersDialog</name>
    <message>
        <source>&amp;Automatic</source>
        <translation>&amp;Автоматически</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>&amp;От</translation>
    </message>
    <message>
        <source>&amp;Exactly</source>
        <translation>&amp;Ровно</translation>
    </message>
    <message>
        <source>&amp;Find speakers</source>
        <translation>&amp;Найти говорящих</translation>
    </message>
    <message>
        <source>Find speakers again</source>
        <translation>Найти говорящих заново</translation>
    </message>
    <message>
        <source>and</source>
        <translation>до</translation>
    </message>
    <message>
        <source>kzdesk listens to the recording again and gives every phrase its speaker. Names you gave stay with the voices they belong to. Undo brings the current speakers back.</source>
        <translation>kzdesk прослушает запись заново и укажет говорящего для каждой фразы. Заданные вами имена останутся у тех голосов, которым они принадлежат. Отмена вернёт нынешних говорящих.</translation>
    </message>
    <message>
        <source>people</source>
        <translation>чел.</translation>
    </message>
</context>
<context>
    <name>FirstRunBanner</name>
    <message>
        <source>&lt;b&gt;Add your SpeechKit API key to start transcribing.&lt;/b&gt; SpeechKit is Yandex Cloud&apos;s speech recognition service; the key lets kzdesk send recordings to your Yandex Cloud account. Or choose the offline engine in Settings to transcribe on this computer without an account. You can still add files, edit and export transcripts in the meantime.</source>
        <translation>&lt;b&gt;Чтобы начать расшифровку, добавьте API-ключ SpeechKit.&lt;/b&gt; SpeechKit — сервис распознавания речи Yandex Cloud; ключ позволяет kzdesk отправлять записи в ваш аккаунт Yandex Cloud. Или выберите в настройках офлайн-распознавание, чтобы расшифровывать записи прямо на этом компьютере без аккаунта. А пока можно добавлять файлы, редактировать и экспортировать расшифровки.</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Скрыть это сообщение</translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation>Открыть &amp;настройки</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>&amp;Names and terms of this recording, one a line:</source>
        <translation>&amp;Имена и термины этой записи, по одному в строке:</translation>
    </message>
    <message>
        <source>Added to the glossary in Settings for this recording only. The offline engine listens for them (when the recording is transcribed again), and the editor suggests them where a word looks like one.</source>
        <translation>Добавляются к глоссарию из настроек только для этой записи. Офлайн-движок прислушивается к ним (при повторном распознавании), а редактор подсказывает их там, где слово на них похоже.</translation>
    </message>
    <message>
        <source>Glossary of “{name}”</source>
        <translation>Глоссарий «{name}»</translation>
    </message>
</context>
<context>
    <name>JobActions</name>
    <message numerus="yes">
        <source>%n transcripts will be lost. Remove them from the queue?</source>
        <translation>
            <numerusform>%n расшифровка будет потеряна. Удалить их из очереди?</numerusform>
            <numerusform>%n расшифровки будут потеряны. Удалить их из очереди?</numerusform>
            <numerusform>%n расшифровок будут потеряны. Удалить их из очереди?</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Between {low} and {high} people</source>
        <translation>От {low} до {high} человек</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Each channel is a person</source>
        <translation>Каждый канал — отдельный человек</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Движок распознавания</translation>
    </message>
    <message numerus="yes">
        <source>Exactly %n people…</source>
        <translation>
            <numerusform>Ровно %n человек…</numerusform>
            <numerusform>Ровно %n человека…</numerusform>
            <numerusform>Ровно %n человек…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exactly N people…</source>
        <translation>Точное число людей…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Exported {names} to {folder}</source>
        <translation>Экспортировано: {names} (папка «{folder}»)</translation>
    </message>
    <message>
        <source>Glossary…</source>
        <translation>Глоссарий…</translation>
    </message>
    <message>
        <source>How many people speak in this recording?</source>
        <translation>Сколько человек говорит в этой записи?</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Kazakh + Russian</source>
        <translation>Казахский + русский</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Number of speakers</source>
        <translation>Число спикеров</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>Open transcript</source>
        <translation>Открыть расшифровку</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>Удалить из очереди</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Спикеры</translation>
    </message>
    <message>
        <source>The folder “{folder}” no longer exists.</source>
        <translation>Папки «{folder}» больше нет.</translation>
    </message>
    <message>
        <source>The transcript of “{name}” will be lost. Remove it from the queue?</source>
        <translation>Расшифровка «{name}» будет потеряна. Удалить её из очереди?</translation>
    </message>
    <message>
        <source>“{name}” has no transcript yet.</source>
        <translation>У «{name}» ещё нет расшифровки.</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n человек</numerusform>
            <numerusform>%n человека</numerusform>
            <numerusform>%n человек</numerusform>
        </translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 человек</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Between {low} and {high} people</source>
        <translation>От {low} до {high} человек</translation>
    </message>
    <message>
        <source>Converting {percent}%</source>
        <translation>Преобразование {percent}%</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Определять автоматически</translation>
    </message>
    <message>
        <source>Done {time}</source>
        <translation>Готово {time}</translation>
    </message>
    <message>
        <source>Downloading model {percent}%</source>
        <translation>Загрузка модели {percent}%</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Each channel is a person</source>
        <translation>Каждый канал — отдельный человек</translation>
    </message>
    <message>
        <source>Estimated cost at {price} {currency} per minute</source>
        <translation>Примерная стоимость по цене {price} {currency} за минуту</translation>
    </message>
    <message>
        <source>Exactly {count} people</source>
        <translation>Число людей: {count}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Finding speakers {percent}%</source>
        <translation>Поиск спикеров {percent}%</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Kazakh + Russian</source>
        <translation>Казахский + русский</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>No speaker labels</source>
        <translation>Без разметки спикеров</translation>
    </message>
    <message>
        <source>Paused: {reason}</source>
        <translation>Приостановлено: {reason}</translation>
    </message>
    <message>
        <source>Recognizing {percent}%</source>
        <translation>Распознавание {percent}%</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Спикеры</translation>
    </message>
    <message>
        <source>Speakers labelled automatically</source>
        <translation>Спикеры размечаются автоматически</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Transcribing on this computer {percent}%</source>
        <translation>Распознавание на этом компьютере {percent}%</translation>
    </message>
    <message>
        <source>Waiting for the offline engine (another file is being transcribed)</source>
        <translation>Ожидание офлайн-движка (распознаётся другой файл)</translation>
    </message>
    <message>
        <source>Waiting to retry: {reason}</source>
        <translation>Ожидает повтора: {reason}</translation>
    </message>
    <message>
        <source>about {left} left</source>
        <translation>осталось около {left}</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>по каналам</translation>
    </message>
    <message>
        <source>off</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>taking longer than usual</source>
        <translation>дольше обычного</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} из {total}</translation>
    </message>
    <message>
        <source>{elapsed} elapsed</source>
        <translation>прошло {elapsed}</translation>
    </message>
</context>
<context>
    <name>KeyField</name>
    <message>
        <source>Hid&amp;e</source>
        <translation>Скр&amp;ыть</translation>
    </message>
    <message>
        <source>Keep it in a file only my &amp;user can read (not encrypted)</source>
        <translation>Хранить в файле, доступном только моему &amp;пользователю (без шифрования)</translation>
    </message>
    <message>
        <source>Keep the key for this &amp;session only</source>
        <translation>Хранить ключ только в этом &amp;сеансе</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Показа&amp;ть</translation>
    </message>
    <message>
        <source>The key could not be written to “{0}” ({1}). It is kept for this session only; choose that option or fix the folder&apos;s permissions.</source>
        <translation>Не удалось записать ключ в «{0}» ({1}). Он сохранён только на этот сеанс; выберите этот вариант или исправьте права доступа к папке.</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring, never in kzdesk&apos;s settings.</source>
        <translation>Ключ хранится в системном хранилище ключей и никогда — в настройках kzdesk.</translation>
    </message>
    <message>
        <source>The system keyring did not accept the key. Unlock the keyring (log in to your desktop session) and try again.</source>
        <translation>Системное хранилище ключей не приняло ключ. Разблокируйте хранилище (войдите в сеанс рабочего стола) и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>This computer offers no system keyring, so kzdesk cannot store the key encrypted. Choose where to keep it:</source>
        <translation>На этом компьютере нет системного хранилища ключей, поэтому kzdesk не может сохранить ключ в зашифрованном виде. Выберите, где его хранить:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n recording(s) are still being transcribed. Close kzdesk anyway? They continue where they stopped the next time you open it.</source>
        <translation>
            <numerusform>%n запись ещё расшифровывается. Всё равно закрыть kzdesk? При следующем запуске расшифровка продолжится с того же места.</numerusform>
            <numerusform>%n записи ещё расшифровываются. Всё равно закрыть kzdesk? При следующем запуске расшифровка продолжится с того же места.</numerusform>
            <numerusform>%n записей ещё расшифровываются. Всё равно закрыть kzdesk? При следующем запуске расшифровка продолжится с того же места.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Очередь</translation>
    </message>
    <message>
        <source>About kzdesk</source>
        <translation>О программе kzdesk</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <source>Close kzdesk</source>
        <translation>Закрыть kzdesk</translation>
    </message>
    <message>
        <source>Known voices…</source>
        <translation>Известные голоса…</translation>
    </message>
    <message>
        <source>Language for new files:</source>
        <translation>Язык новых файлов:</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Открыть папку журнала</translation>
    </message>
    <message>
        <source>Pause queue</source>
        <translation>Приостановить очередь</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Resume queue</source>
        <translation>Возобновить очередь</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Выделить все</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>The language of recordings added from now on (the default is in Settings).</source>
        <translation>Язык записей, добавляемых с этого момента (значение по умолчанию — в настройках).</translation>
    </message>
    <message>
        <source>This window runs the queue now.</source>
        <translation>Теперь очередь выполняет это окно.</translation>
    </message>
    <message>
        <source>Transcribing recordings</source>
        <translation>Идёт расшифровка записей</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>A folder ID has only Latin letters and digits, like b1g2abc3def4.</source>
        <translation>ID каталога состоит только из латинских букв и цифр, например b1g2abc3def4.</translation>
    </message>
    <message>
        <source>A phrase can only be split between two of its words.</source>
        <translation>Фразу можно разделить только между двумя её словами.</translation>
    </message>
    <message>
        <source>A phrase must stay at least {ms} ms long, so it cannot be shortened.</source>
        <translation>Фраза должна длиться не меньше {ms} мс, поэтому сократить её нельзя.</translation>
    </message>
    <message>
        <source>A speaker cannot be merged with themselves.</source>
        <translation>Спикера нельзя объединить с самим собой.</translation>
    </message>
    <message>
        <source>A speaker needs a name. Type at least one letter.</source>
        <translation>У спикера должно быть имя. Введите хотя бы одну букву.</translation>
    </message>
    <message>
        <source>Another kzdesk is working on this queue.</source>
        <translation>С этой очередью работает другой kzdesk.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Cannot find host {host}; check the address (if it is right, check the network&apos;s name server settings).</source>
        <translation>Не удаётся найти хост {host}; проверьте адрес (если он верный, проверьте настройки DNS-сервера сети).</translation>
    </message>
    <message>
        <source>Cannot reach SpeechKit. Check the internet connection; the job will continue when the connection is back.</source>
        <translation>Не удаётся связаться со SpeechKit. Проверьте подключение к интернету; задание продолжится, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Choose SpeechKit, the offline engine or a transcription server.</source>
        <translation>Выберите SpeechKit, офлайн-распознавание или сервер распознавания.</translation>
    </message>
    <message>
        <source>Choose a Whisper model for the offline engine.</source>
        <translation>Выберите модель Whisper для офлайн-распознавания.</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>Выберите язык из списка.</translation>
    </message>
    <message>
        <source>Choose how speakers are labelled from the list.</source>
        <translation>Выберите из списка, как обозначать спикеров.</translation>
    </message>
    <message>
        <source>Choose the language of exports from the list.</source>
        <translation>Выберите язык экспорта из списка.</translation>
    </message>
    <message>
        <source>Choose where the offline engine runs from the list.</source>
        <translation>Выберите из списка, на чём выполнять офлайн-распознавание.</translation>
    </message>
    <message>
        <source>Converting</source>
        <translation>Преобразование</translation>
    </message>
    <message>
        <source>Could not write the export to “{target}” ({reason}). Choose another output folder.</source>
        <translation>Не удалось записать экспорт в «{target}» ({reason}). Выберите другую папку для сохранения.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Enter the name of the model the server uses, such as whisper-1.</source>
        <translation>Введите название модели, которую использует сервер, например whisper-1.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Hugging Face refused the download of “{name}”. Try again later, or choose a model folder that is on this computer.</source>
        <translation>Hugging Face отказал в загрузке «{name}». Попробуйте позже или выберите папку модели на этом компьютере.</translation>
    </message>
    <message>
        <source>No SpeechKit API key is set. Open Settings and paste a key.</source>
        <translation>API-ключ SpeechKit не задан. Откройте настройки и вставьте ключ.</translation>
    </message>
    <message>
        <source>No SpeechKit API key is set. Open Settings and paste the key of your Yandex Cloud service account (or set {variable} for scripts).</source>
        <translation>API-ключ SpeechKit не задан. Откройте настройки и вставьте ключ сервисного аккаунта Yandex Cloud (для скриптов можно задать переменную {variable}).</translation>
    </message>
    <message>
        <source>No phrase contains the search text, so nothing was replaced.</source>
        <translation>Ни одна фраза не содержит искомый текст, поэтому ничего не заменено.</translation>
    </message>
    <message>
        <source>No speech was found in this recording. Check that it is the right file and not silent.</source>
        <translation>В этой записи не найдено речи. Проверьте, что это нужный файл и что запись не беззвучная.</translation>
    </message>
    <message>
        <source>No transcription server is set. Enter its address in Settings → Server (or run “kzdesk config server_url http://…”).</source>
        <translation>Сервер распознавания не задан. Введите его адрес в разделе «Настройки → Сервер» (или выполните «kzdesk config server_url http://…»).</translation>
    </message>
    <message>
        <source>Nothing was recognised in this phrase in {language}. The phrase is unchanged.</source>
        <translation>В этой фразе ничего не распознано ({language}). Фраза не изменилась.</translation>
    </message>
    <message>
        <source>Offline (Whisper on this computer)</source>
        <translation>Офлайн (Whisper на этом компьютере)</translation>
    </message>
    <message>
        <source>Offline — Whisper on this computer</source>
        <translation>Офлайн — Whisper на этом компьютере</translation>
    </message>
    <message>
        <source>Parallel jobs must be between 1 and 16.</source>
        <translation>Число одновременных заданий должно быть от 1 до 16.</translation>
    </message>
    <message>
        <source>Playback lead-in and rewind must be between 0 and 10 seconds.</source>
        <translation>Время перед словом и перемотка назад должны быть от 0 до 10 секунд.</translation>
    </message>
    <message>
        <source>Put the text cursor between two words to split the phrase.</source>
        <translation>Чтобы разделить фразу, поставьте текстовый курсор между двумя словами.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Raw PCM audio at {sample_rate} Hz cannot be sent; SpeechKit accepts 8000, 16000 or 48000 Hz.</source>
        <translation>Несжатое аудио PCM с частотой {sample_rate} Гц отправить нельзя: SpeechKit принимает 8000, 16000 или 48000 Гц.</translation>
    </message>
    <message>
        <source>Recognizing</source>
        <translation>Распознавание</translation>
    </message>
    <message>
        <source>Requests at once must be between 1 and 16.</source>
        <translation>Число одновременных запросов должно быть от 1 до 16.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong while processing this file. Try again; if it happens again, send the log file (Help → Open log folder) to support.</source>
        <translation>При обработке этого файла произошла непредвиденная ошибка. Попробуйте ещё раз; если ошибка повторится, отправьте файл журнала («Справка → Открыть папку журнала») в службу поддержки.</translation>
    </message>
    <message>
        <source>SpeechKit (Yandex Cloud)</source>
        <translation>SpeechKit (Yandex Cloud)</translation>
    </message>
    <message>
        <source>SpeechKit (cloud)</source>
        <translation>SpeechKit (облако)</translation>
    </message>
    <message>
        <source>SpeechKit could not process the audio ({message}). Check that the file plays.</source>
        <translation>SpeechKit не смог обработать аудио ({message}). Проверьте, воспроизводится ли файл.</translation>
    </message>
    <message>
        <source>SpeechKit could not recognise this recording ({message}). Try again later; if it repeats, contact Yandex Cloud support.</source>
        <translation>SpeechKit не смог распознать эту запись ({message}). Попробуйте позже; если ошибка повторится, обратитесь в поддержку Yandex Cloud.</translation>
    </message>
    <message>
        <source>SpeechKit has not finished this recording after {hours} hours. Try again later or choose the regular (not deferred) model.</source>
        <translation>SpeechKit не закончил обработку этой записи за {hours} ч. Попробуйте позже или выберите обычную (не отложенную) модель.</translation>
    </message>
    <message>
        <source>SpeechKit no longer has this recognition (results are kept for three days). The piece has to be sent again.</source>
        <translation>У SpeechKit больше нет этого распознавания (результаты хранятся три дня). Фрагмент нужно отправить заново.</translation>
    </message>
    <message>
        <source>SpeechKit quota is used up for now. The job will try again in about {minutes} minutes.</source>
        <translation>Квота SpeechKit пока исчерпана. Задание повторит попытку примерно через {minutes} мин.</translation>
    </message>
    <message>
        <source>SpeechKit refused the request: the service account of this API key needs the role ai.speechkit-stt.user in the folder it works in. Ask the cloud administrator to grant it, or use a key of another service account.</source>
        <translation>SpeechKit отклонил запрос: сервисному аккаунту этого API-ключа нужна роль ai.speechkit-stt.user в каталоге, где он работает. Попросите администратора облака выдать эту роль или используйте ключ другого сервисного аккаунта.</translation>
    </message>
    <message>
        <source>SpeechKit rejected the API key. Open Settings and paste a valid key.</source>
        <translation>SpeechKit отклонил API-ключ. Откройте настройки и вставьте действующий ключ.</translation>
    </message>
    <message>
        <source>SpeechKit rejected the audio or the settings ({details}). Check that the file plays and that the language and model are supported.</source>
        <translation>SpeechKit отклонил аудио или настройки ({details}). Проверьте, что файл воспроизводится, а язык и модель поддерживаются.</translation>
    </message>
    <message>
        <source>SpeechKit reported an error ({name}: {details}). Try again later; if it repeats, contact Yandex Cloud support.</source>
        <translation>SpeechKit сообщил об ошибке ({name}: {details}). Попробуйте позже; если ошибка повторится, обратитесь в поддержку Yandex Cloud.</translation>
    </message>
    <message>
        <source>SpeechKit returned a result kzdesk could not read. Try again later; if it repeats, report it with the log file.</source>
        <translation>SpeechKit вернул результат, который kzdesk не смог прочитать. Попробуйте позже; если ошибка повторится, сообщите о ней, приложив файл журнала.</translation>
    </message>
    <message>
        <source>Spelling is not checked: the spelling library could not be loaded on this computer.</source>
        <translation>Орфография не проверяется: на этом компьютере не удалось загрузить библиотеку проверки орфографии.</translation>
    </message>
    <message>
        <source>Started an empty queue in {folder}. The damaged database is kept as {aside}.</source>
        <translation>В {folder} начата пустая очередь. Повреждённая база данных сохранена как {aside}.</translation>
    </message>
    <message>
        <source>Subtitle lines need room for at least 4 characters.</source>
        <translation>В строке субтитров должно помещаться не меньше 4 символов.</translation>
    </message>
    <message>
        <source>Subtitles need at least one line per cue.</source>
        <translation>В каждом титре должна быть хотя бы одна строка.</translation>
    </message>
    <message>
        <source>Talking to SpeechKit failed unexpectedly ({name}). Try again; if it repeats, report it with the log file.</source>
        <translation>Обмен данными со SpeechKit неожиданно завершился ошибкой ({name}). Попробуйте ещё раз; если ошибка повторится, сообщите о ней, приложив файл журнала.</translation>
    </message>
    <message>
        <source>The SpeechKit endpoint {endpoint} is not allowed: an overridden endpoint must be a local emulator (127.0.0.1:PORT or localhost:PORT), because it is used without encryption. Remove the override to use Yandex SpeechKit.</source>
        <translation>Адрес SpeechKit {endpoint} не разрешён: заданный вручную адрес должен указывать на локальный эмулятор (127.0.0.1:PORT или localhost:PORT), так как соединение не шифруется. Уберите его, чтобы пользоваться Yandex SpeechKit.</translation>
    </message>
    <message>
        <source>The Whisper model in “{folder}” could not be loaded ({reason}). Download it again in Settings → Offline engine, or choose another model.</source>
        <translation>Не удалось открыть модель Whisper в папке «{folder}» ({reason}). Загрузите её заново в разделе «Настройки → Офлайн-распознавание» или выберите другую модель.</translation>
    </message>
    <message>
        <source>The Whisper model “{name}” is not on this computer and cannot be downloaded now: there is no connection to the internet (or to huggingface.co). Connect and download it in Settings → Offline engine, or choose a model folder that is on this computer.</source>
        <translation>Модели Whisper «{name}» нет на этом компьютере, и сейчас её нельзя загрузить: нет подключения к интернету (или к huggingface.co). Подключитесь и загрузите её в разделе «Настройки → Офлайн-распознавание» или выберите папку модели на этом компьютере.</translation>
    </message>
    <message>
        <source>The audio format {audio_format} is not one SpeechKit accepts (OGG Opus, MP3, WAV or raw PCM).</source>
        <translation>Формат аудио {audio_format} не принимается SpeechKit (поддерживаются OGG Opus, MP3, WAV и несжатый PCM).</translation>
    </message>
    <message>
        <source>The audio piece {path} cannot be read ({reason}). Add the recording again.</source>
        <translation>Не удаётся прочитать фрагмент аудио {path} ({reason}). Добавьте запись заново.</translation>
    </message>
    <message>
        <source>The audio to send is {size} MB, but SpeechKit accepts at most 60 MB per request. Split the recording into shorter parts and add them again.</source>
        <translation>Размер аудио для отправки — {size} МБ, а SpeechKit принимает не больше 60 МБ за запрос. Разделите запись на более короткие части и добавьте их заново.</translation>
    </message>
    <message>
        <source>The connection to the transcription server at {url} broke while it worked on a piece. kzdesk sends that piece again by itself.</source>
        <translation>Соединение с сервером распознавания {url} прервалось, пока он обрабатывал фрагмент. kzdesk сам отправит этот фрагмент снова.</translation>
    </message>
    <message>
        <source>The converted audio is empty.</source>
        <translation>Преобразованное аудио пустое.</translation>
    </message>
    <message>
        <source>The converted audio {path} cannot be read ({reason}). Add the recording again.</source>
        <translation>Не удаётся прочитать преобразованное аудио {path} ({reason}). Добавьте запись заново.</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be made because {parent} is a file. Choose another data folder (--data-dir).</source>
        <translation>Не удаётся создать папку данных {path}: {parent} — это файл. Выберите другую папку данных (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder {path} is a file, not a folder. Rename or move that file, or choose another data folder (--data-dir).</source>
        <translation>Папка данных {path} — это файл, а не папка. Переименуйте или переместите этот файл либо выберите другую папку данных (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder {path} is a link to {target}, which does not exist. Connect the disk it points to, or choose another data folder (--data-dir).</source>
        <translation>Папка данных {path} — ссылка на несуществующий путь {target}. Подключите диск, на который она указывает, или выберите другую папку данных (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder {path} is on a read-only disk, so kzdesk cannot keep its queue there. Make the disk writable, or choose another data folder (--data-dir).</source>
        <translation>Папка данных {path} находится на диске только для чтения, поэтому kzdesk не может хранить там очередь. Сделайте диск доступным для записи или выберите другую папку данных (--data-dir).</translation>
    </message>
    <message>
        <source>The disk is full, so the recording cannot be converted. Free some space and try again.</source>
        <translation>Диск заполнен, поэтому запись не удаётся преобразовать. Освободите место и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The disk that holds {folder} is full ({size} MB free), so kzdesk cannot save its queue. Free some space on that disk, then try again.</source>
        <translation>Диск, на котором находится {folder}, заполнен (свободно {size} МБ), поэтому kzdesk не может сохранить очередь. Освободите место на этом диске и попробуйте снова.</translation>
    </message>
    <message>
        <source>The disk that holds {folder} is full ({size} MB free). The jobs are paused and continue by themselves when space is freed: delete or move some files on that disk.</source>
        <translation>Диск, на котором находится {folder}, заполнен (свободно {size} МБ). Задания приостановлены и продолжатся сами, когда место освободится: удалите или перенесите часть файлов с этого диска.</translation>
    </message>
    <message>
        <source>The download of the Whisper model was cancelled.</source>
        <translation>Загрузка модели Whisper отменена.</translation>
    </message>
    <message>
        <source>The download of “{name}” failed unexpectedly. Details are in the log (Help menu).</source>
        <translation>Загрузка «{name}» неожиданно завершилась ошибкой. Подробности — в журнале (меню «Справка»).</translation>
    </message>
    <message>
        <source>The engine “{engine}” is not available in this version of kzdesk. Choose SpeechKit or Offline (Whisper) for this job.</source>
        <translation>Движок «{engine}» недоступен в этой версии kzdesk. Выберите для этого задания SpeechKit или «Офлайн (Whisper)».</translation>
    </message>
    <message>
        <source>The export failed unexpectedly. Try again; the log file has the details.</source>
        <translation>Экспорт неожиданно завершился ошибкой. Попробуйте ещё раз; подробности — в файле журнала.</translation>
    </message>
    <message>
        <source>The file is JSON but not a kzdesk transcript. Choose a file kzdesk exported as JSON.</source>
        <translation>Это файл JSON, но не расшифровка kzdesk. Выберите файл, экспортированный из kzdesk в формате JSON.</translation>
    </message>
    <message>
        <source>The file is not readable JSON ({reason}). Choose a file kzdesk exported as JSON.</source>
        <translation>Файл не является читаемым JSON ({reason}). Выберите файл, экспортированный из kzdesk в формате JSON.</translation>
    </message>
    <message>
        <source>The file “{name}” disappeared while kzdesk was reading it. Add it again from its new place.</source>
        <translation>Файл «{name}» исчез, пока kzdesk его читал. Добавьте его заново из нового места.</translation>
    </message>
    <message>
        <source>The file “{name}” is not there any more. It may have been moved, renamed or deleted, or the disk was removed. Add it again from its new place.</source>
        <translation>Файла «{name}» больше нет на месте. Возможно, его переместили, переименовали или удалили либо отключили диск. Добавьте его заново из нового места.</translation>
    </message>
    <message>
        <source>The folder “{name}” holds no Whisper model for faster-whisper (model.bin and config.json are missing). Choose a CTranslate2 model folder.</source>
        <translation>В папке «{name}» нет модели Whisper для faster-whisper (нет файлов model.bin и config.json). Выберите папку с моделью CTranslate2.</translation>
    </message>
    <message>
        <source>The gap between cues must be between 0 and 2000 ms.</source>
        <translation>Промежуток между субтитрами должен быть от 0 до 2000 мс.</translation>
    </message>
    <message>
        <source>The kzdesk window (process {pid}) is working on this queue.</source>
        <translation>С этой очередью работает окно kzdesk (процесс {pid}).</translation>
    </message>
    <message>
        <source>The largest upload must be between 1 and 2000 MB.</source>
        <translation>Наибольший размер загрузки должен быть от 1 до 2000 МБ.</translation>
    </message>
    <message>
        <source>The last phrase has nothing after it to merge with.</source>
        <translation>После последней фразы нет фразы, с которой её можно объединить.</translation>
    </message>
    <message>
        <source>The longest cue at this reading speed fits fewer than 4 characters.</source>
        <translation>При такой скорости чтения в самый длинный титр помещается меньше 4 символов.</translation>
    </message>
    <message>
        <source>The model must be “general” or “deferred-general”.</source>
        <translation>Модель должна быть «general» или «deferred-general».</translation>
    </message>
    <message>
        <source>The model “{name}” could not be saved in “{folder}” ({reason}). Free some disk space or check the folder&apos;s permissions.</source>
        <translation>Не удалось сохранить модель «{name}» в папку «{folder}» ({reason}). Освободите место на диске или проверьте права доступа к папке.</translation>
    </message>
    <message>
        <source>The name of the transcription server in {url} cannot be found. Check the address in Settings → Server and the network connection (VPN); kzdesk tries again by itself.</source>
        <translation>Имя сервера распознавания в {url} не найдено. Проверьте адрес в разделе «Настройки → Сервер» и сетевое подключение (VPN); kzdesk сам попробует снова.</translation>
    </message>
    <message>
        <source>The offline engine could not read the audio of this recording. Check that the file plays, then Retry.</source>
        <translation>При офлайн-распознавании не удалось прочитать звук этой записи. Проверьте, что файл воспроизводится, и нажмите «Повторить».</translation>
    </message>
    <message>
        <source>The offline engine failed unexpectedly. The part transcribed so far is kept; Retry, and if it happens again send the log file to support.</source>
        <translation>Офлайн-распознавание неожиданно завершилось ошибкой. Уже расшифрованная часть сохранена; нажмите «Повторить», а если ошибка повторится, отправьте файл журнала в службу поддержки.</translation>
    </message>
    <message>
        <source>The offline engine ran out of memory. The part transcribed so far is kept; try a smaller model or close other programs, then Retry.</source>
        <translation>Офлайн-распознаванию не хватило памяти. Уже расшифрованная часть сохранена; выберите модель поменьше или закройте другие программы, затем нажмите «Повторить».</translation>
    </message>
    <message>
        <source>The offline engine stopped unexpectedly (the computer may have run out of memory). The part transcribed so far is kept; try a smaller model or close other programs, then Retry.</source>
        <translation>Офлайн-распознавание неожиданно остановилось (возможно, компьютеру не хватило памяти). Уже расшифрованная часть сохранена; выберите модель поменьше или закройте другие программы, затем нажмите «Повторить».</translation>
    </message>
    <message>
        <source>The offline transcription was cancelled.</source>
        <translation>Офлайн-расшифровка отменена.</translation>
    </message>
    <message>
        <source>The original recording was moved or deleted, so kzdesk plays the copy it converted. The sound may be of lower quality.</source>
        <translation>Исходная запись перемещена или удалена, поэтому kzdesk воспроизводит преобразованную копию. Качество звука может быть ниже.</translation>
    </message>
    <message>
        <source>The phrase cannot move further: it is at the recording&apos;s edge.</source>
        <translation>Фразу нельзя сдвинуть дальше: она уже на границе записи.</translation>
    </message>
    <message>
        <source>The phrase changed since this suggestion was made. Look at it again.</source>
        <translation>Фраза изменилась после того, как появилась эта подсказка. Посмотрите на неё ещё раз.</translation>
    </message>
    <message>
        <source>The phrase could not be recognised again. It is unchanged; the log file has the details.</source>
        <translation>Не удалось распознать фразу заново. Она не изменилась; подробности в файле журнала.</translation>
    </message>
    <message>
        <source>The phrase has changed since the search. Search again.</source>
        <translation>Фраза изменилась после поиска. Выполните поиск ещё раз.</translation>
    </message>
    <message>
        <source>The phrase is already marked with this language.</source>
        <translation>Фраза уже отмечена этим языком.</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>Цена не может быть отрицательной.</translation>
    </message>
    <message>
        <source>The queue database {path} is damaged and cannot be opened. Restore it from a backup, or run “kzdesk reset-queue” to start with an empty queue (the damaged file is kept).</source>
        <translation>База данных очереди {path} повреждена и не открывается. Восстановите её из резервной копии или выполните «kzdesk reset-queue», чтобы начать с пустой очереди (повреждённый файл сохранится).</translation>
    </message>
    <message>
        <source>The queue database {path} opens normally, so nothing was changed.</source>
        <translation>База данных очереди {path} открывается нормально, поэтому ничего не изменено.</translation>
    </message>
    <message>
        <source>The queue database {path} stayed locked by another program. Close other kzdesk windows and commands, then try again.</source>
        <translation>База данных очереди {path} осталась заблокирована другой программой. Закройте другие окна и команды kzdesk и попробуйте снова.</translation>
    </message>
    <message>
        <source>The queue database {path} was written by a newer version of kzdesk. Update kzdesk to open it, or choose another data folder (--data-dir).</source>
        <translation>База данных очереди {path} записана более новой версией kzdesk. Обновите kzdesk, чтобы открыть её, или выберите другую папку данных (--data-dir).</translation>
    </message>
    <message>
        <source>The reading speed (characters per second) must be above zero.</source>
        <translation>Скорость чтения (символов в секунду) должна быть больше нуля.</translation>
    </message>
    <message>
        <source>The recognition was cancelled.</source>
        <translation>Распознавание отменено.</translation>
    </message>
    <message>
        <source>The recording was moved or deleted and no copy is left, so it cannot be played. The transcript can still be edited and exported.</source>
        <translation>Запись перемещена или удалена, копии тоже не осталось, поэтому воспроизвести её нельзя. Расшифровку по-прежнему можно редактировать и экспортировать.</translation>
    </message>
    <message>
        <source>The recording “{name}” is not there any more, so its waveform cannot be drawn. It may have been moved, renamed or deleted.</source>
        <translation>Записи «{name}» больше нет на месте, поэтому её форму волны построить нельзя. Возможно, её переместили, переименовали или удалили.</translation>
    </message>
    <message>
        <source>The replacement refers to a group the search does not have ({reason}). Use \1 or \g&lt;name&gt; only for groups in the search.</source>
        <translation>Замена ссылается на группу, которой нет в поиске ({reason}). Используйте \1 или \g&lt;name&gt; только для групп, которые есть в поиске.</translation>
    </message>
    <message>
        <source>The search is not a valid regular expression ({reason}). Correct it or turn off regular expressions.</source>
        <translation>Текст поиска не является допустимым регулярным выражением ({reason}). Исправьте его или отключите регулярные выражения.</translation>
    </message>
    <message>
        <source>The secure connection to the transcription server at {url} failed ({reason}). If your organisation uses its own certificate authority, install it in this computer&apos;s system certificates; otherwise check whether the address starts with http:// or https://.</source>
        <translation>Не удалось установить защищённое соединение с сервером распознавания {url} ({reason}). Если в вашей организации свой удостоверяющий центр, установите его в системные сертификаты этого компьютера; иначе проверьте, начинается ли адрес с http:// или https://.</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, such as http://asr.example.org:8000.</source>
        <translation>Адрес сервера должен начинаться с http:// или https://, например http://asr.example.org:8000.</translation>
    </message>
    <message>
        <source>The server&apos;s API key contains characters that cannot be sent (a key has only Latin letters, digits and signs). Paste it again in Settings → Server (or run “kzdesk key set --server”).</source>
        <translation>API-ключ сервера содержит символы, которые нельзя отправить (в ключе бывают только латинские буквы, цифры и знаки). Вставьте его заново в разделе «Настройки → Сервер» (или выполните «kzdesk key set --server»).</translation>
    </message>
    <message>
        <source>The shortest cue must last more than 0 ms and no longer than the longest cue.</source>
        <translation>Самый короткий титр должен длиться больше 0 мс и не дольше самого длинного.</translation>
    </message>
    <message>
        <source>The size limit for sending is too small for this recording. Check the SpeechKit settings.</source>
        <translation>Ограничение размера для отправки слишком мало для этой записи. Проверьте настройки SpeechKit.</translation>
    </message>
    <message>
        <source>The speaker model {name} is missing from {folder}, so speakers cannot be found. Reinstall kzdesk.</source>
        <translation>Модель говорящих {name} отсутствует в папке {folder}, поэтому говорящих найти нельзя. Переустановите kzdesk.</translation>
    </message>
    <message>
        <source>The speakers could not be found again. The transcript is unchanged; the log file has the details.</source>
        <translation>Не удалось найти говорящих заново. Расшифровка не изменилась; подробности — в файле журнала.</translation>
    </message>
    <message>
        <source>The text cursor is outside the phrase.</source>
        <translation>Текстовый курсор находится вне фразы.</translation>
    </message>
    <message>
        <source>The transcript file is damaged: {field} is missing or has the wrong type.</source>
        <translation>Файл расшифровки повреждён: {field} отсутствует или имеет неверный тип.</translation>
    </message>
    <message>
        <source>The transcript was written by a newer kzdesk (format {version}). Update kzdesk to open it.</source>
        <translation>Расшифровка создана более новой версией kzdesk (формат {version}). Обновите kzdesk, чтобы открыть её.</translation>
    </message>
    <message>
        <source>The transcription on the server was cancelled.</source>
        <translation>Распознавание на сервере отменено.</translation>
    </message>
    <message>
        <source>The transcription server at {url} answered HTTP {status}, which a transcription server does not. Check the address in Settings → Server.</source>
        <translation>Сервер распознавания {url} ответил HTTP {status}, чего сервер распознавания не делает. Проверьте адрес в разделе «Настройки → Сервер».</translation>
    </message>
    <message>
        <source>The transcription server at {url} answered with something that is not a transcription ({detail}). Check that the address points at an OpenAI-compatible transcription server (Settings → Server).</source>
        <translation>Сервер распознавания {url} ответил не расшифровкой ({detail}). Проверьте, что адрес указывает на OpenAI-совместимый сервер распознавания («Настройки → Сервер»).</translation>
    </message>
    <message>
        <source>The transcription server at {url} asks for an API key (HTTP 401). Enter the key in Settings → Server (or run “kzdesk key set --server”).</source>
        <translation>Сервер распознавания {url} требует API-ключ (HTTP 401). Введите ключ в разделе «Настройки → Сервер» (или выполните «kzdesk key set --server»).</translation>
    </message>
    <message>
        <source>The transcription server at {url} did not accept the API key (HTTP 401). Enter the right key in Settings → Server (or run “kzdesk key set --server”).</source>
        <translation>Сервер распознавания {url} не принял API-ключ (HTTP 401). Введите правильный ключ в разделе «Настройки → Сервер» (или выполните «kzdesk key set --server»).</translation>
    </message>
    <message>
        <source>The transcription server at {url} did not answer within {seconds} seconds. It may be overloaded; kzdesk tries again by itself.</source>
        <translation>Сервер распознавания {url} не ответил за {seconds} секунд. Возможно, он перегружен; kzdesk сам попробует снова.</translation>
    </message>
    <message>
        <source>The transcription server at {url} does not allow this key to transcribe with the model “{model}” (HTTP 403). Ask the server&apos;s administrator for access, or use another key.</source>
        <translation>Сервер распознавания {url} не разрешает этому ключу распознавать моделью «{model}» (HTTP 403). Попросите доступ у администратора сервера или используйте другой ключ.</translation>
    </message>
    <message>
        <source>The transcription server at {url} failed with an error (HTTP {status}). kzdesk tries again by itself; if this goes on, tell the server&apos;s administrator.</source>
        <translation>На сервере распознавания {url} произошла ошибка (HTTP {status}). kzdesk сам попробует снова; если это повторяется, сообщите администратору сервера.</translation>
    </message>
    <message>
        <source>The transcription server at {url} has no model “{model}”. It offers: {models}. Choose one in Settings → Server (or run “kzdesk config server_model NAME”).</source>
        <translation>На сервере распознавания {url} нет модели «{model}». Доступны: {models}. Выберите одну в разделе «Настройки → Сервер» (или выполните «kzdesk config server_model NAME»).</translation>
    </message>
    <message>
        <source>The transcription server at {url} is busy (HTTP 429) and asks kzdesk to wait {seconds} seconds. kzdesk tries again then.</source>
        <translation>Сервер распознавания {url} занят (HTTP 429) и просит kzdesk подождать {seconds} секунд. kzdesk попробует снова после этого.</translation>
    </message>
    <message>
        <source>The transcription server at {url} kept failing (HTTP {status}) and kzdesk stopped trying. Press Retry later or tell the server&apos;s administrator: the pieces already transcribed are kept.</source>
        <translation>Сервер распознавания {url} продолжал выдавать ошибки (HTTP {status}), и kzdesk прекратил попытки. Нажмите «Повторить» позже или сообщите администратору сервера: уже распознанные фрагменты сохранены.</translation>
    </message>
    <message>
        <source>The transcription server at {url} refused the request (HTTP {status}: {detail}). Check the model and the language chosen for this file.</source>
        <translation>Сервер распознавания {url} отклонил запрос (HTTP {status}: {detail}). Проверьте модель и язык, выбранные для этого файла.</translation>
    </message>
    <message>
        <source>The transcription server at {url} refuses even pieces of {size} KB (HTTP 413, too large). Ask its administrator about the upload limit, and set it in Settings → Server.</source>
        <translation>Сервер распознавания {url} не принимает даже фрагменты по {size} КБ (HTTP 413, слишком большой запрос). Узнайте у его администратора предел загрузки и укажите его в разделе «Настройки → Сервер».</translation>
    </message>
    <message>
        <source>The transcription server at {url} stopped answering and kzdesk stopped trying. Check the server (Settings → Server → Test connection), then press Retry: the pieces already transcribed are kept.</source>
        <translation>Сервер распознавания {url} перестал отвечать, и kzdesk прекратил попытки. Проверьте сервер («Настройки → Сервер → Проверить подключение») и нажмите «Повторить»: уже распознанные фрагменты сохранены.</translation>
    </message>
    <message>
        <source>The uncertainty threshold must be 0–100 %.</source>
        <translation>Порог неуверенности должен быть от 0 до 100 %.</translation>
    </message>
    <message>
        <source>The waveform could not be drawn. Playback and editing still work.</source>
        <translation>Не удалось построить форму волны. Воспроизведение и редактирование по-прежнему работают.</translation>
    </message>
    <message>
        <source>The {variable} setting points to {override}, but there is no program there. Correct the path or remove the setting.</source>
        <translation>Параметр {variable} указывает на {override}, но там нет программы. Исправьте путь или уберите параметр.</translation>
    </message>
    <message>
        <source>There is no model “{name}” on Hugging Face (or it is private). Check the name.</source>
        <translation>На Hugging Face нет модели «{name}» (или она закрытая). Проверьте название.</translation>
    </message>
    <message>
        <source>There is no transcription service at {url} (HTTP 404), or it has no model “{model}”. Check the address (the part before /v1, such as http://asr.example.org:8000) and the model name in Settings → Server.</source>
        <translation>По адресу {url} нет службы распознавания (HTTP 404) или в ней нет модели «{model}». Проверьте адрес (часть до /v1, например http://asr.example.org:8000) и название модели в разделе «Настройки → Сервер».</translation>
    </message>
    <message>
        <source>There is nothing to mark as checked here.</source>
        <translation>Здесь нечего отмечать как проверенное.</translation>
    </message>
    <message>
        <source>This data folder was written by a newer kzdesk. Update kzdesk to open it.</source>
        <translation>Эта папка данных записана более новой версией kzdesk. Обновите kzdesk, чтобы открыть её.</translation>
    </message>
    <message>
        <source>This phrase is no longer in the transcript (number {id}).</source>
        <translation>Этой фразы больше нет в расшифровке (номер {id}).</translation>
    </message>
    <message>
        <source>This recording may already have been sent to SpeechKit at {time}, but its answer never came back (the connection broke or kzdesk stopped). Sending it again may bill it twice. Press Retry to send it again.</source>
        <translation>Эта запись, возможно, уже была отправлена в SpeechKit в {time}, но ответ так и не пришёл (оборвалась связь или kzdesk остановился). Повторная отправка может быть оплачена дважды. Нажмите «Повторить», чтобы отправить её снова.</translation>
    </message>
    <message>
        <source>This speaker is no longer in the transcript (number {id}).</source>
        <translation>Этого спикера больше нет в расшифровке (номер {id}).</translation>
    </message>
    <message>
        <source>Unknown export format “{unknown}”. Choose from: {formats}.</source>
        <translation>Неизвестный формат экспорта «{unknown}». Выберите из: {formats}.</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Ожидает повтора</translation>
    </message>
    <message>
        <source>Your organisation&apos;s transcription server</source>
        <translation>Сервер распознавания вашей организации</translation>
    </message>
    <message>
        <source>invalid argument</source>
        <translation>неверный параметр</translation>
    </message>
    <message>
        <source>kzdesk cannot export to {format}. Choose one of: {formats}.</source>
        <translation>kzdesk не умеет экспортировать в {format}. Выберите один из форматов: {formats}.</translation>
    </message>
    <message>
        <source>kzdesk cannot find its audio converter (ffmpeg). Reinstall kzdesk, or set {variable} to the path of an ffmpeg program.</source>
        <translation>kzdesk не находит свой аудиоконвертер (ffmpeg). Переустановите kzdesk или укажите в {variable} путь к программе ffmpeg.</translation>
    </message>
    <message>
        <source>kzdesk cannot reach the transcription server at {url}. Check that the server is running and that this computer is on its network; kzdesk tries again by itself.</source>
        <translation>kzdesk не может связаться с сервером распознавания {url}. Проверьте, что сервер работает и этот компьютер находится в его сети; kzdesk сам попробует снова.</translation>
    </message>
    <message>
        <source>kzdesk cannot use {path} ({reason}). Check the disk, or choose another data folder (--data-dir).</source>
        <translation>kzdesk не может использовать {path} ({reason}). Проверьте диск или выберите другую папку данных (--data-dir).</translation>
    </message>
    <message>
        <source>kzdesk could not cut the recording into pieces small enough to send. Convert it to MP3 with another program and try again.</source>
        <translation>kzdesk не смог разрезать запись на достаточно маленькие для отправки части. Преобразуйте её в MP3 другой программой и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>kzdesk could not reach SpeechKit after {attempts} attempts and stopped trying. Check the internet connection, then press Retry (or run “kzdesk resume”): what SpeechKit already accepted is fetched, not sent again.</source>
        <translation>kzdesk не смог связаться со SpeechKit за {attempts} попыток и прекратил попытки. Проверьте подключение к интернету и нажмите «Повторить» (или запустите «kzdesk resume»): то, что SpeechKit уже принял, будет получено, а не отправлено повторно.</translation>
    </message>
    <message>
        <source>kzdesk could not reach the transcription server at {url} and stopped trying. Check that the server is running and reachable from this computer, then press Retry: the pieces already transcribed are kept.</source>
        <translation>kzdesk не смог связаться с сервером распознавания {url} и прекратил попытки. Проверьте, что сервер работает и доступен с этого компьютера, и нажмите «Повторить»: уже распознанные фрагменты сохранены.</translation>
    </message>
    <message>
        <source>kzdesk could not read back the converted recording to split it. Check that the disk is not full, then try again.</source>
        <translation>kzdesk не смог прочитать преобразованную запись, чтобы разделить её. Проверьте, не заполнен ли диск, и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>kzdesk could not read the sound in “{name}”. Try again; if it keeps failing, convert the file to MP3 with another program.</source>
        <translation>kzdesk не смог прочитать звук в «{name}». Попробуйте ещё раз; если ошибка повторяется, преобразуйте файл в MP3 другой программой.</translation>
    </message>
    <message>
        <source>kzdesk could not split the long recording into pieces. Check that the disk is not full, then try again.</source>
        <translation>kzdesk не смог разделить длинную запись на части. Проверьте, не заполнен ли диск, и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>kzdesk could not start its audio converter (ffmpeg) to draw the waveform. Reinstall kzdesk.</source>
        <translation>kzdesk не смог запустить аудиоконвертер (ffmpeg), чтобы построить форму волны. Переустановите kzdesk.</translation>
    </message>
    <message>
        <source>kzdesk could not start its audio converter (ffmpeg). Reinstall kzdesk.</source>
        <translation>kzdesk не смог запустить аудиоконвертер (ffmpeg). Переустановите kzdesk.</translation>
    </message>
    <message>
        <source>kzdesk in a terminal (process {pid}) is working on this queue.</source>
        <translation>С этой очередью работает kzdesk в терминале (процесс {pid}).</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”, so its waveform cannot be drawn. Change the file&apos;s permissions or copy it to a folder of your own.</source>
        <translation>У kzdesk нет доступа на чтение «{name}», поэтому форму волны построить нельзя. Измените права доступа к файлу или скопируйте его в свою папку.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”. Copy the file to a folder of your own (for example Documents) or change its permissions, then add it again.</source>
        <translation>У kzdesk нет доступа на чтение «{name}». Скопируйте файл в свою папку (например, «Документы») или измените права доступа, затем добавьте его заново.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”. Copy the file to a folder of your own or change its permissions, then add it again.</source>
        <translation>У kzdesk нет доступа на чтение «{name}». Скопируйте файл в свою папку или измените права доступа, затем добавьте его заново.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to write its working copy of “{name}”. Check the permissions of the kzdesk data folder.</source>
        <translation>У kzdesk нет доступа на запись рабочей копии «{name}». Проверьте права доступа к папке данных kzdesk.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to write to {path}. Give your user permission to write there, or choose another data folder (--data-dir).</source>
        <translation>У kzdesk нет прав на запись в {path}. Дайте своему пользователю право записи туда или выберите другую папку данных (--data-dir).</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>без подробностей</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>ошибка чтения</translation>
    </message>
    <message>
        <source>{holder} Close it first, then set the damaged queue aside.</source>
        <translation>{holder} Сначала закройте его, затем отложите повреждённую очередь.</translation>
    </message>
    <message>
        <source>“{name}” contains no sound: its audio track is 0 seconds long. Choose the complete recording.</source>
        <translation>В «{name}» нет звука: длина звуковой дорожки — 0 секунд. Выберите полную запись.</translation>
    </message>
    <message>
        <source>“{name}” contains no sound: its audio track is empty.</source>
        <translation>В «{name}» нет звука: звуковая дорожка пуста.</translation>
    </message>
    <message>
        <source>“{name}” could not be converted: the file seems damaged part-way through. Try the original file, or convert it to MP3 with another program.</source>
        <translation>Не удалось преобразовать «{name}»: похоже, файл повреждён в середине. Попробуйте исходный файл или преобразуйте его в MP3 другой программой.</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}), so its waveform cannot be drawn. Check the disk or copy the file elsewhere.</source>
        <translation>Не удалось прочитать «{name}» ({reason}), поэтому форму волны построить нельзя. Проверьте диск или скопируйте файл в другое место.</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}). Check the disk or copy the file elsewhere, then add it again.</source>
        <translation>Не удалось прочитать «{name}» ({reason}). Проверьте диск или скопируйте файл в другое место, затем добавьте его заново.</translation>
    </message>
    <message>
        <source>“{name}” has no transcript yet, so there is nothing to export.</source>
        <translation>У «{name}» ещё нет расшифровки, поэтому экспортировать нечего.</translation>
    </message>
    <message>
        <source>“{name}” holds no sound, so there is no waveform to draw.</source>
        <translation>В «{name}» нет звука, поэтому строить форму волны не из чего.</translation>
    </message>
    <message>
        <source>“{name}” is a device, not a recording file, so kzdesk does not read it. Choose a recording file.</source>
        <translation>«{name}» — это устройство, а не файл записи, поэтому kzdesk его не читает. Выберите файл записи.</translation>
    </message>
    <message>
        <source>“{name}” is a document or text file, not a recording. Choose an audio or video file.</source>
        <translation>«{name}» — это документ или текстовый файл, а не запись. Выберите аудио- или видеофайл.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a recording.</source>
        <translation>«{name}» — это папка, а не запись.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a recording. Choose a file inside it.</source>
        <translation>«{name}» — это папка, а не запись. Выберите файл внутри неё.</translation>
    </message>
    <message>
        <source>“{name}” is a picture, not a recording, even though its name ends in “{suffix}”. Choose an audio or video file.</source>
        <translation>«{name}» — это изображение, а не запись, хотя имя файла оканчивается на «{suffix}». Выберите аудио- или видеофайл.</translation>
    </message>
    <message>
        <source>“{name}” is a pipe (FIFO), not a recording file, so kzdesk does not read it. Save the recording to a file and add that file.</source>
        <translation>«{name}» — это канал (FIFO), а не файл записи, поэтому kzdesk его не читает. Сохраните запись в файл и добавьте этот файл.</translation>
    </message>
    <message>
        <source>“{name}” is a socket, not a recording file, so kzdesk does not read it. Choose a recording file.</source>
        <translation>«{name}» — это сокет, а не файл записи, поэтому kzdesk его не читает. Выберите файл записи.</translation>
    </message>
    <message>
        <source>“{name}” is a video without a sound track, so there is nothing to transcribe. Choose a file that has sound.</source>
        <translation>«{name}» — видео без звуковой дорожки, расшифровывать нечего. Выберите файл со звуком.</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be played: it may have been cut off while recording or copying. Try the original file or re-export it.</source>
        <translation>Файл «{name}» повреждён и не воспроизводится: возможно, запись или копирование оборвались. Попробуйте исходный файл или экспортируйте его заново.</translation>
    </message>
    <message>
        <source>“{name}” is damaged or is not an audio or video file kzdesk can read, so its waveform cannot be drawn. Try the original recording.</source>
        <translation>Файл «{name}» повреждён или не является аудио- или видеофайлом, который может прочитать kzdesk, поэтому форму волны построить нельзя. Попробуйте исходную запись.</translation>
    </message>
    <message>
        <source>“{name}” is damaged: its sound cannot be decoded. Try the original file or re-export it from the recorder.</source>
        <translation>Файл «{name}» повреждён: его звук не удаётся декодировать. Попробуйте исходный файл или заново экспортируйте его с диктофона.</translation>
    </message>
    <message>
        <source>“{name}” is empty (0 bytes). The recording was probably not saved or copied completely; choose the original file.</source>
        <translation>Файл «{name}» пуст (0 байт). Вероятно, запись не была сохранена или скопирована полностью; выберите исходный файл.</translation>
    </message>
    <message>
        <source>“{name}” is named like a recording, but what it holds is not audio or video in any format kzdesk knows. Choose the original recording (for example MP3, M4A, WAV, OGG or MP4).</source>
        <translation>«{name}» назван как запись, но внутри не аудио и не видео ни в одном формате, известном kzdesk. Выберите исходную запись (например, MP3, M4A, WAV, OGG или MP4).</translation>
    </message>
    <message>
        <source>“{name}” is not a Whisper model kzdesk knows. Choose one of {sizes}, a model folder on this computer or a Hugging Face id like Org/name.</source>
        <translation>kzdesk не знает модели Whisper «{name}». Выберите одну из моделей ({sizes}), папку модели на этом компьютере или идентификатор Hugging Face вида Организация/имя.</translation>
    </message>
    <message>
        <source>“{name}” is not a recording (it holds no sound). Choose an audio or video file.</source>
        <translation>«{name}» — не запись (в нём нет звука). Выберите аудио- или видеофайл.</translation>
    </message>
    <message>
        <source>“{name}” is not an audio or video file kzdesk can read. Choose a recording (for example MP3, M4A, WAV, OGG or MP4).</source>
        <translation>«{name}» — не аудио- или видеофайл, который может прочитать kzdesk. Выберите запись (например, MP3, M4A, WAV, OGG или MP4).</translation>
    </message>
    <message>
        <source>“{name}” on Hugging Face is not a CTranslate2 Whisper model (model.bin is missing). Choose a faster-whisper conversion.</source>
        <translation>«{name}» на Hugging Face — не модель Whisper в формате CTranslate2 (нет файла model.bin). Выберите версию, сконвертированную для faster-whisper.</translation>
    </message>
    <message>
        <source>“{path}” does not exist.</source>
        <translation>«{path}» не существует.</translation>
    </message>
    <message>
        <source>“{path}” is a link to “{target}”, which does not exist. Connect the disk it points to, or add the recording itself.</source>
        <translation>«{path}» — ссылка на несуществующий «{target}». Подключите диск, на который она указывает, или добавьте саму запись.</translation>
    </message>
    <message>
        <source>“{taken}” already exists and kzdesk did not write it for this recording, so the transcript was saved as “{chosen}”.</source>
        <translation>«{taken}» уже существует и записан не kzdesk для этой записи, поэтому расшифровка сохранена как «{chosen}».</translation>
    </message>
    <message>
        <source>“{url}” is not an address kzdesk can use for a transcription server. Enter one that starts with http:// or https://, such as http://asr.example.org:8000.</source>
        <translation>«{url}» — не тот адрес, который kzdesk может использовать для сервера распознавания. Введите адрес, начинающийся с http:// или https://, например http://asr.example.org:8000.</translation>
    </message>
</context>
<context>
    <name>ModelDownloadDialog</name>
    <message>
        <source>Downloading a Whisper model</source>
        <translation>Загрузка модели Whisper</translation>
    </message>
    <message>
        <source>Downloading the Whisper model “{0}” (about {1})…</source>
        <translation>Загружается модель Whisper «{0}» (около {1})…</translation>
    </message>
    <message>
        <source>Downloading the Whisper model “{0}”…</source>
        <translation>Загружается модель Whisper «{0}»…</translation>
    </message>
    <message>
        <source>Stopping the download…</source>
        <translation>Загрузка останавливается…</translation>
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
        <translation>&amp;Загрузить сейчас</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Модель:</translation>
    </message>
    <message>
        <source>A CTranslate2 model folder, or Org/name</source>
        <translation>Папка модели CTranslate2 или Организация/имя</translation>
    </message>
    <message>
        <source>A model folder or Hugging Face id</source>
        <translation>Папка модели или идентификатор Hugging Face</translation>
    </message>
    <message>
        <source>Automatic (the graphics card when there is one)</source>
        <translation>Автоматически (видеокарта, если она есть)</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Выбрать &amp;папку…</translation>
    </message>
    <message>
        <source>Choose a Whisper model folder</source>
        <translation>Выберите папку модели Whisper</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Установленные модели</translation>
    </message>
    <message>
        <source>Kept in {0}</source>
        <translation>Хранятся в {0}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Models download once, on first use or here, and then work without the internet. Small models are fast but recognise Kazakh poorly: for Kazakh choose large-v3-turbo or a model folder trained for Kazakh.</source>
        <translation>Модели загружаются один раз — при первом использовании или здесь — и затем работают без интернета. Маленькие модели быстрые, но плохо распознают казахский: для казахского выберите large-v3-turbo или папку модели, обученной на казахском.</translation>
    </message>
    <message>
        <source>NVIDIA graphics card (CUDA)</source>
        <translation>Видеокарта NVIDIA (CUDA)</translation>
    </message>
    <message>
        <source>No model is downloaded yet.</source>
        <translation>Ни одна модель ещё не загружена.</translation>
    </message>
    <message>
        <source>Not downloaded yet: it downloads when the first file needs it, or now.</source>
        <translation>Ещё не загружена: загрузится, когда понадобится первому файлу, или сейчас.</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Процессор</translation>
    </message>
    <message>
        <source>R&amp;un on:</source>
        <translation>&amp;Выполнять на:</translation>
    </message>
    <message>
        <source>Ready: this model is on this computer.</source>
        <translation>Готово: эта модель есть на компьютере.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Whisper on this computer</source>
        <translation>Whisper на этом компьютере</translation>
    </message>
    <message>
        <source>{0} (about {1})</source>
        <translation>{0} (около {1})</translation>
    </message>
    <message>
        <source>“{0}” could not be deleted ({1}).</source>
        <translation>Не удалось удалить «{0}» ({1}).</translation>
    </message>
</context>
<context>
    <name>PhraseAgainController</name>
    <message>
        <source>Downloading the offline model to recognise the phrase at {time}… {percent}%</source>
        <translation>Загружается офлайн-модель, чтобы распознать фразу в {time}… {percent}%</translation>
    </message>
    <message>
        <source>Listen to this phrase again on this computer, in {language}, and replace its words (Undo brings them back)</source>
        <translation>Прослушать эту фразу заново на этом компьютере ({language}) и заменить её слова (Отмена вернёт их)</translation>
    </message>
    <message>
        <source>Recognise again in {language}</source>
        <translation>Распознать заново: {language}</translation>
    </message>
    <message>
        <source>Recognising the phrase at {time} in {language}… {percent}%</source>
        <translation>Фраза в {time} распознаётся заново ({language})… {percent}%</translation>
    </message>
    <message>
        <source>The phrase at {time} waits: the offline engine is transcribing a file of the queue. It is recognised again in {language} right after.</source>
        <translation>Фраза в {time} ждёт: офлайн-движок распознаёт файл из очереди. Сразу после этого она будет распознана заново ({language}).</translation>
    </message>
    <message>
        <source>The phrase was changed while it was being recognised again, so your text is kept.</source>
        <translation>Фраза была изменена, пока распознавалась заново, поэтому ваш текст сохранён.</translation>
    </message>
    <message>
        <source>The phrase was recognised again in {language}. Undo brings back the words it had.</source>
        <translation>Фраза распознана заново ({language}). Отмена вернёт прежние слова.</translation>
    </message>
    <message>
        <source>The recording is not available any more, so the phrase cannot be heard again. Put the original file back where it was.</source>
        <translation>Запись больше недоступна, поэтому фразу нельзя прослушать заново. Верните исходный файл на прежнее место.</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>The recording “{name}” is not there any more or cannot be read, so it cannot be played. The transcript can still be edited and exported.</source>
        <translation>Записи «{name}» больше нет или её не удаётся прочитать, поэтому воспроизвести её нельзя. Расшифровку по-прежнему можно редактировать и экспортировать.</translation>
    </message>
    <message>
        <source>There is no recording to play.</source>
        <translation>Нет записи для воспроизведения.</translation>
    </message>
    <message>
        <source>kzdesk cannot play “{name}”: its format is not supported for playback. The transcript can still be edited and exported.</source>
        <translation>kzdesk не может воспроизвести «{name}»: этот формат не поддерживается для воспроизведения. Расшифровку по-прежнему можно редактировать и экспортировать.</translation>
    </message>
    <message>
        <source>kzdesk is not allowed to read “{name}”, so it cannot be played. Change the file&apos;s permissions or copy it to a folder of your own.</source>
        <translation>У kzdesk нет доступа к «{name}», поэтому запись нельзя воспроизвести. Измените права доступа к файлу или скопируйте его в свою папку.</translation>
    </message>
    <message>
        <source>“{name}” could not be played. It may be damaged, or it was moved while open. The transcript can still be edited and exported.</source>
        <translation>Не удалось воспроизвести «{name}». Возможно, файл повреждён или был перемещён, пока был открыт. Расшифровку по-прежнему можно редактировать и экспортировать.</translation>
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
        <translation>Назад на 5 секунд</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Быстрее</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Следовать</translation>
    </message>
    <message>
        <source>Follow playback</source>
        <translation>Следовать за воспроизведением</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>Вперёд на 5 секунд</translation>
    </message>
    <message>
        <source>Keep the phrase being played in view</source>
        <translation>Держать воспроизводимую фразу в поле зрения</translation>
    </message>
    <message>
        <source>No sound device</source>
        <translation>Нет звукового устройства</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Playback speed ({slower} slower, {faster} faster)</source>
        <translation>Скорость воспроизведения ({slower} — медленнее, {faster} — быстрее)</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Позиция в записи</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Медленнее</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>kzdesk found no speakers or headphones, so playback is silent (the position still moves). Connect a sound device; playback uses it as soon as it is there.</source>
        <translation>kzdesk не нашёл ни динамиков, ни наушников, поэтому воспроизведение идёт без звука (позиция всё равно движется). Подключите звуковое устройство — воспроизведение начнёт использовать его, как только оно появится.</translation>
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
            <numerusform>Осталось неуверенных слов: %n</numerusform>
            <numerusform>Осталось неуверенных слов: %n</numerusform>
            <numerusform>Осталось неуверенных слов: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept all glossary suggestions</source>
        <translation>Принять все подсказки глоссария</translation>
    </message>
    <message>
        <source>Accept glossary suggestion</source>
        <translation>Принять подсказку глоссария</translation>
    </message>
    <message>
        <source>Add “{word}” to the Glossary</source>
        <translation>Добавить «{word}» в глоссарий</translation>
    </message>
    <message>
        <source>Keep word (ignore suggestion)</source>
        <translation>Оставить слово (пропустить подсказку)</translation>
    </message>
    <message>
        <source>Keep “{found}”</source>
        <translation>Оставить «{found}»</translation>
    </message>
    <message>
        <source>Looking for corrections…</source>
        <translation>Ищем исправления…</translation>
    </message>
    <message>
        <source>Mark as checked</source>
        <translation>Отметить как проверенное</translation>
    </message>
    <message>
        <source>Mark “{word}” as Checked</source>
        <translation>Отметить «{word}» как проверенное</translation>
    </message>
    <message>
        <source>Marked as checked.</source>
        <translation>Отмечено как проверенное.</translation>
    </message>
    <message>
        <source>Next uncertain word</source>
        <translation>Следующее неуверенное слово</translation>
    </message>
    <message>
        <source>No corrections found</source>
        <translation>Исправлений не найдено</translation>
    </message>
    <message>
        <source>No uncertain words left.</source>
        <translation>Неуверенных слов не осталось.</translation>
    </message>
    <message>
        <source>P&amp;roofread</source>
        <translation>Вы&amp;читка</translation>
    </message>
    <message>
        <source>Previous uncertain word</source>
        <translation>Предыдущее неуверенное слово</translation>
    </message>
    <message>
        <source>Replace “{found}” with “{term}” (Glossary)</source>
        <translation>Заменить «{found}» на «{term}» (глоссарий)</translation>
    </message>
    <message>
        <source>The engine gave no confidence for the words of this transcript (SpeechKit gives none), so no word is marked as uncertain.</source>
        <translation>Движок не сообщил уверенность для слов этой расшифровки (SpeechKit её не даёт), поэтому ни одно слово не отмечено как неуверенное.</translation>
    </message>
    <message>
        <source>There are no glossary suggestions.</source>
        <translation>Подсказок глоссария нет.</translation>
    </message>
    <message>
        <source>This phrase has no glossary suggestion.</source>
        <translation>В этой фразе нет подсказки глоссария.</translation>
    </message>
    <message>
        <source>Words the engine was not sure of: F8 goes to the next one, F9 marks it checked.</source>
        <translation>Слова, в которых движок не уверен: F8 — к следующему, F9 — отметить как проверенное.</translation>
    </message>
    <message>
        <source>“{word}” is in the glossary now.</source>
        <translation>«{word}» теперь в глоссарии.</translation>
    </message>
</context>
<context>
    <name>ProofreadingSettingsPage</name>
    <message>
        <source>&amp;Resuming playback rewinds:</source>
        <translation>При &amp;возобновлении перемотать назад:</translation>
    </message>
    <message>
        <source>Check &amp;spelling (Kazakh, Russian, English)</source>
        <translation>Проверять &amp;орфографию (казахский, русский, английский)</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Редактор</translation>
    </message>
    <message>
        <source>F8 &amp;plays from before the word:</source>
        <translation>F8 &amp;играет до слова за:</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Глоссарий</translation>
    </message>
    <message>
        <source>Mark words &amp;below confidence:</source>
        <translation>Отмечать слова с &amp;уверенностью ниже:</translation>
    </message>
    <message>
        <source>Names, places, organisations and terms, one a line — the Kazakh and the Russian spelling each on its own line. The editor suggests them where a word looks like one. Each job can add its own list (its menu, Glossary…), which the offline engine also listens for.</source>
        <translation>Имена, места, организации и термины, по одному в строке — казахское и русское написание каждое на своей строке. Редактор подсказывает их там, где слово на них похоже. Каждое задание может добавить свой список (его меню, Глоссарий…), к которому прислушивается и офлайн-движок.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выкл.</translation>
    </message>
    <message>
        <source>Words the offline engine was less sure of are underlined with dots; F8 goes to the next one. SpeechKit gives no confidence, so its words are not marked.</source>
        <translation>Слова, в которых офлайн-движок менее уверен, подчёркиваются точками; F8 переходит к следующему. SpeechKit уверенность не сообщает, поэтому его слова не отмечаются.</translation>
    </message>
</context>
<context>
    <name>QueueHeldBanner</name>
    <message>
        <source>{sentence} This window shows its progress and takes over when it finishes. Files you add now are done by it; cancelling and removing wait until then.</source>
        <translation>{sentence} Это окно показывает ход работы и продолжит её, когда тот закончит. Добавленные сейчас файлы обработает он; отмена и удаление подождут до тех пор.</translation>
    </message>
</context>
<context>
    <name>SegmentLanguage</name>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Спикер</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
</context>
<context>
    <name>ServerSettingsPage</name>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Модель:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>A server of your organisation that speaks OpenAI&apos;s audio API (vLLM, speaches, faster-whisper). Recordings go to it and nowhere else; speakers are found on this computer.</source>
        <translation>Сервер вашей организации с аудио-API OpenAI (vLLM, speaches, faster-whisper). Записи отправляются только на него; говорящие определяются на этом компьютере.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;ключ:</translation>
    </message>
    <message>
        <source>Connected: the model “{0}” answered in {1} s.</source>
        <translation>Подключено: модель «{0}» ответила за {1} с.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address first.</source>
        <translation>Сначала введите адрес сервера.</translation>
    </message>
    <message>
        <source>Largest &amp;upload:</source>
        <translation>Наибольшая &amp;загрузка:</translation>
    </message>
    <message>
        <source>Long recordings are cut at pauses into pieces under this size, and this many pieces are sent at once (for all files together).</source>
        <translation>Длинные записи разрезаются по паузам на фрагменты меньше этого размера, и одновременно отправляется столько фрагментов (для всех файлов вместе).</translation>
    </message>
    <message>
        <source>New files go to the transcription server: enter its address on the Server page, or choose another engine.</source>
        <translation>Новые файлы отправляются на сервер распознавания: введите его адрес на странице «Сервер» или выберите другой движок.</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Только если сервер его требует</translation>
    </message>
    <message>
        <source>Requests at o&amp;nce:</source>
        <translation>Запросов &amp;одновременно:</translation>
    </message>
    <message>
        <source>Sending one second of silence to the server…</source>
        <translation>Отправляем на сервер одну секунду тишины…</translation>
    </message>
    <message>
        <source>The name the server knows, such as whisper-1, Systran/faster-whisper-large-v3 or openai/whisper-large-v3.</source>
        <translation>Название, которое знает сервер, например whisper-1, Systran/faster-whisper-large-v3 или openai/whisper-large-v3.</translation>
    </message>
    <message>
        <source>The server lists these models, not “{0}”: {1}.</source>
        <translation>Сервер перечисляет такие модели, но не «{0}»: {1}.</translation>
    </message>
    <message>
        <source>The test failed unexpectedly. Details are in the log (Help menu).</source>
        <translation>Проверка неожиданно завершилась ошибкой. Подробности — в журнале (меню «Справка»).</translation>
    </message>
    <message>
        <source>Word times: no — each phrase keeps the server&apos;s own times.</source>
        <translation>Время слов: нет — у каждой фразы остаётся время, данное сервером.</translation>
    </message>
    <message>
        <source>Word times: yes.</source>
        <translation>Время слов: есть.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s transcription server</source>
        <translation>Сервер распознавания вашей организации</translation>
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
        <translation>&amp;Общие</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Модель:</translation>
    </message>
    <message>
        <source>&amp;Offline engine</source>
        <translation>&amp;Офлайн-распознавание</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Cost estimate</source>
        <translation>Оценка стоимости</translation>
    </message>
    <message>
        <source>Deferred — cheaper, within 24 h</source>
        <translation>Отложенное — дешевле, в течение 24 ч</translation>
    </message>
    <message>
        <source>E&amp;ngine:</source>
        <translation>&amp;Движок:</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>Each channel is a person</source>
        <translation>Каждый канал — отдельный человек</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>Interface lan&amp;guage:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Kazakh + Russian</source>
        <translation>Казахский + русский</translation>
    </message>
    <message>
        <source>New files start with these choices.</source>
        <translation>Новые файлы получают эти параметры.</translation>
    </message>
    <message>
        <source>No estimate</source>
        <translation>Без оценки</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>Одновременных &amp;заданий:</translation>
    </message>
    <message>
        <source>Price per m&amp;inute:</source>
        <translation>Цена за &amp;минуту:</translation>
    </message>
    <message>
        <source>Proo&amp;freading</source>
        <translation>Вы&amp;читка</translation>
    </message>
    <message>
        <source>Recognition defaults</source>
        <translation>Распознавание по умолчанию</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>S&amp;peakers:</source>
        <translation>&amp;Спикеры:</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation>Се&amp;рвер</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Стандартное</translation>
    </message>
    <message>
        <source>Takes effect after kzdesk restarts.</source>
        <translation>Вступит в силу после перезапуска kzdesk.</translation>
    </message>
    <message>
        <source>The settings could not be saved in “{0}” ({1}).</source>
        <translation>Не удалось сохранить настройки в «{0}» ({1}).</translation>
    </message>
    <message>
        <source>Your SpeechKit price, used only to show estimates.</source>
        <translation>Ваша цена SpeechKit, используется только для оценки стоимости.</translation>
    </message>
</context>
<context>
    <name>SpeakerListModel</name>
    <message>
        <source>Suggested: {name} sounds like a saved voice. Confirm the name or rename the speaker.</source>
        <translation>Предложено: голос похож на сохранённый голос {name}. Подтвердите имя или переименуйте спикера.</translation>
    </message>
    <message>
        <source>{keys} gives the selected phrase to {name}</source>
        <translation>{keys} отдаёт выбранную фразу спикеру {name}</translation>
    </message>
    <message>
        <source>{percent}% of the talk time ({time})</source>
        <translation>{percent}% времени разговора ({time})</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>&amp;Add speaker</source>
        <translation>&amp;Добавить спикера</translation>
    </message>
    <message>
        <source>&amp;Confirm name</source>
        <translation>Под&amp;твердить имя</translation>
    </message>
    <message>
        <source>&amp;Known voices…</source>
        <translation>&amp;Известные голоса…</translation>
    </message>
    <message>
        <source>&amp;Merge into</source>
        <translation>&amp;Объединить с</translation>
    </message>
    <message>
        <source>&amp;Merge {name} into</source>
        <translation>&amp;Объединить {name} с</translation>
    </message>
    <message>
        <source>&amp;Play a sample</source>
        <translation>Прос&amp;лушать фрагмент</translation>
    </message>
    <message>
        <source>&amp;Rename speaker</source>
        <translation>&amp;Переименовать спикера</translation>
    </message>
    <message>
        <source>&amp;Save voice as…</source>
        <translation>&amp;Сохранить голос как…</translation>
    </message>
    <message>
        <source>Add a speaker and type their name</source>
        <translation>Добавить спикера и ввести его имя</translation>
    </message>
    <message>
        <source>Added {name}. Type a name, then press Enter.</source>
        <translation>Добавлен спикер {name}. Введите имя и нажмите Enter.</translation>
    </message>
    <message>
        <source>Give all phrases of this speaker to another one and remove this speaker</source>
        <translation>Отдать все фразы этого спикера другому и удалить этого спикера</translation>
    </message>
    <message>
        <source>Keep this speaker&apos;s voice under their name, so new transcripts suggest it</source>
        <translation>Сохранить голос этого спикера под его именем, чтобы новые расшифровки предлагали это имя</translation>
    </message>
    <message numerus="yes">
        <source>Merged {removed} into {kept}: %n phrase(s) moved. Undo brings them back.</source>
        <translation>
            <numerusform>Спикер {removed} объединён с {kept}: перенесена %n фраза. Отмена вернёт всё как было.</numerusform>
            <numerusform>Спикер {removed} объединён с {kept}: перенесены %n фразы. Отмена вернёт всё как было.</numerusform>
            <numerusform>Спикер {removed} объединён с {kept}: перенесено %n фраз. Отмена вернёт всё как было.</numerusform>
        </translation>
    </message>
    <message>
        <source>Play a few seconds of this speaker&apos;s voice</source>
        <translation>Воспроизвести несколько секунд голоса этого спикера</translation>
    </message>
    <message>
        <source>Rename or delete the voices saved on this computer</source>
        <translation>Переименовать или удалить голоса, сохранённые на этом компьютере</translation>
    </message>
    <message>
        <source>Save this voice as:</source>
        <translation>Сохранить этот голос под именем:</translation>
    </message>
    <message>
        <source>Save voice</source>
        <translation>Сохранение голоса</translation>
    </message>
    <message>
        <source>Saved the voice of {name}. New transcripts will suggest this name.</source>
        <translation>Голос {name} сохранён. Новые расшифровки будут предлагать это имя.</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Спикеры</translation>
    </message>
    <message>
        <source>The suggested name is right: keep it as this speaker&apos;s name</source>
        <translation>Предложенное имя верно: оставить его как имя этого спикера</translation>
    </message>
    <message>
        <source>The voice could not be saved. Check that the data folder is writable.</source>
        <translation>Не удалось сохранить голос. Проверьте, что в папку данных можно записывать.</translation>
    </message>
    <message>
        <source>This speaker has no voice to save: only speakers found on this computer (a number of people chosen for the file, or the offline engine) have one, not SpeechKit&apos;s labels or channels.</source>
        <translation>У этого спикера нет голоса для сохранения: голос есть только у спикеров, найденных на этом компьютере (когда для файла выбрано число людей или работает офлайн-распознавание), но не у меток SpeechKit и не у каналов.</translation>
    </message>
    <message>
        <source>{name} confirmed.</source>
        <translation>Имя «{name}» подтверждено.</translation>
    </message>
    <message>
        <source>{name} has no phrases yet, so there is nothing to play.</source>
        <translation>У спикера {name} пока нет фраз, поэтому воспроизводить нечего.</translation>
    </message>
    <message>
        <source>{removed} could not be merged into {kept}.</source>
        <translation>Не удалось объединить спикера {removed} с {kept}.</translation>
    </message>
</context>
<context>
    <name>SpeechKitSettingsGroup</name>
    <message>
        <source>&amp;Folder ID:</source>
        <translation>&amp;ID каталога:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;ключ:</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Проверка подключения…</translation>
    </message>
    <message>
        <source>Connected. SpeechKit accepted the key.</source>
        <translation>Подключено. SpeechKit принял ключ.</translation>
    </message>
    <message>
        <source>For example b1g2abc3def4</source>
        <translation>Например, b1g2abc3def4</translation>
    </message>
    <message>
        <source>Needed only when the key belongs to a user account, not a service account.</source>
        <translation>Нужен, только если ключ принадлежит аккаунту пользователя, а не сервисному аккаунту.</translation>
    </message>
    <message>
        <source>Paste the API key first.</source>
        <translation>Сначала вставьте API-ключ.</translation>
    </message>
    <message>
        <source>Paste the API key from Yandex Cloud</source>
        <translation>Вставьте API-ключ из Yandex Cloud</translation>
    </message>
    <message>
        <source>SpeechKit connection</source>
        <translation>Подключение к SpeechKit</translation>
    </message>
    <message>
        <source>The test failed unexpectedly. Details are in the log (Help menu).</source>
        <translation>Проверка неожиданно завершилась ошибкой. Подробности — в журнале (меню «Справка»).</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n отменена</numerusform>
            <numerusform>%n отменены</numerusform>
            <numerusform>%n отменено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n в очереди</numerusform>
            <numerusform>%n в очереди</numerusform>
            <numerusform>%n в очереди</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) transcribed</source>
        <translation>
            <numerusform>Расшифрована %n запись</numerusform>
            <numerusform>Расшифрованы %n записи</numerusform>
            <numerusform>Расшифровано %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n выполняется</numerusform>
            <numerusform>%n выполняются</numerusform>
            <numerusform>%n выполняются</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was transcribed: %n recording(s) cancelled.</source>
        <translation>
            <numerusform>Ничего не распознано: %n запись отменена.</numerusform>
            <numerusform>Ничего не распознано: %n записи отменены.</numerusform>
            <numerusform>Ничего не распознано: %n записей отменено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was transcribed: %n recording(s) failed.</source>
        <translation>
            <numerusform>Ничего не распознано: %n запись с ошибкой.</numerusform>
            <numerusform>Ничего не распознано: %n записи с ошибкой.</numerusform>
            <numerusform>Ничего не распознано: %n записей с ошибкой.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was transcribed: {what}.</source>
        <translation>Ничего не распознано: {what}.</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>осталось около %n мин</numerusform>
            <numerusform>осталось около %n мин</numerusform>
            <numerusform>осталось около %n мин</numerusform>
        </translation>
    </message>
    <message>
        <source>about {hours} h {minutes} min left</source>
        <translation>осталось около {hours} ч {minutes} мин</translation>
    </message>
    <message numerus="yes">
        <source>at least %n min left</source>
        <translation>
            <numerusform>осталось не меньше %n мин</numerusform>
            <numerusform>осталось не меньше %n мин</numerusform>
            <numerusform>осталось не меньше %n мин</numerusform>
        </translation>
    </message>
    <message>
        <source>at least {hours} h {minutes} min left</source>
        <translation>осталось не меньше {hours} ч {minutes} мин</translation>
    </message>
    <message>
        <source>est. cost {amount} {currency}</source>
        <translation>ориент. стоимость {amount} {currency}</translation>
    </message>
    <message>
        <source>kzdesk: the queue is finished</source>
        <translation>kzdesk: очередь завершена</translation>
    </message>
    <message>
        <source>kzdesk: the queue stopped</source>
        <translation>kzdesk: очередь остановлена</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>осталось меньше минуты</translation>
    </message>
    <message>
        <source>queue paused</source>
        <translation>очередь приостановлена</translation>
    </message>
    <message numerus="yes">
        <source>today %n min of audio</source>
        <translation>
            <numerusform>сегодня %n мин аудио</numerusform>
            <numerusform>сегодня %n мин аудио</numerusform>
            <numerusform>сегодня %n мин аудио</numerusform>
        </translation>
    </message>
    <message>
        <source>today {hours} h of audio</source>
        <translation>сегодня {hours} ч аудио</translation>
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
        <translation>&amp;Промежуток между субтитрами:</translation>
    </message>
    <message>
        <source>Characters per &amp;line:</source>
        <translation>Символов в &amp;строке:</translation>
    </message>
    <message>
        <source>Lines per c&amp;ue:</source>
        <translation>Строк в &amp;титре:</translation>
    </message>
    <message>
        <source>Longest cue:</source>
        <translation>Самый длинный титр:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Reading &amp;speed (characters per second):</source>
        <translation>&amp;Скорость чтения (символов в секунду):</translation>
    </message>
    <message>
        <source>Shortest cue:</source>
        <translation>Самый короткий титр:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Reading the waveform…</source>
        <translation>Чтение формы волны…</translation>
    </message>
    <message>
        <source>The waveform cannot be drawn.</source>
        <translation>Не удаётся построить форму волны.</translation>
    </message>
    <message>
        <source>Two or more people speak at once here.</source>
        <translation>Здесь одновременно говорят двое или больше.</translation>
    </message>
    <message>
        <source>Waveform and speaker turns</source>
        <translation>Форма волны и реплики спикеров</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Loop current phrase</source>
        <translation>Повторять текущую фразу</translation>
    </message>
    <message>
        <source>Play the current phrase again and again ({keys})</source>
        <translation>Проигрывать текущую фразу снова и снова ({keys})</translation>
    </message>
</context>
<context>
    <name>VoiceListModel</name>
    <message>
        <source>Saved with an earlier voice model, so new transcripts cannot recognise it. Open a transcript where this person speaks and choose Save voice as… with the same name.</source>
        <translation>Сохранён прежней моделью голосов, поэтому новые расшифровки его не узнают. Откройте расшифровку, где говорит этот человек, и выберите «Сохранить голос как…» с тем же именем.</translation>
    </message>
    <message numerus="yes">
        <source>Saved {date} from %n recording(s)</source>
        <translation>
            <numerusform>Сохранён {date} по %n записи</numerusform>
            <numerusform>Сохранён {date} по %n записям</numerusform>
            <numerusform>Сохранён {date} по %n записям</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (needs a new sample)</source>
        <translation>{name} (нужен новый образец)</translation>
    </message>
</context>
<context>
    <name>VoicesDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Переименовать</translation>
    </message>
    <message>
        <source>Delete voice</source>
        <translation>Удаление голоса</translation>
    </message>
    <message>
        <source>Forget the voice of {name}? New transcripts will no longer suggest this name; transcripts already made keep their names.</source>
        <translation>Забыть голос {name}? Новые расшифровки больше не будут предлагать это имя; в готовых расшифровках имена останутся.</translation>
    </message>
    <message>
        <source>Known voices</source>
        <translation>Известные голоса</translation>
    </message>
    <message>
        <source>No voices are saved yet. In a transcript, right-click a speaker and choose “Save voice as…”.</source>
        <translation>Сохранённых голосов пока нет. В расшифровке щёлкните спикера правой кнопкой мыши и выберите «Сохранить голос как…».</translation>
    </message>
    <message>
        <source>Voices saved from transcripts. New transcripts suggest these names for speakers who sound the same. Double-click a name to change it.</source>
        <translation>Голоса, сохранённые из расшифровок. Новые расшифровки предлагают эти имена для спикеров с похожим голосом. Чтобы изменить имя, дважды щёлкните его.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>kzdesk is already open: its window was brought forward.</source>
        <translation>kzdesk уже открыт: его окно выведено на передний план.</translation>
    </message>
    <message>
        <source>kzdesk is already open: the files were handed to its window.</source>
        <translation>kzdesk уже открыт: файлы переданы в его окно.</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Something unexpected stopped kzdesk while it started ({name}). The details are in the log file in {folder}; send it to support if this happens again.</source>
        <translation>При запуске kzdesk произошла непредвиденная ошибка ({name}). Подробности — в файле журнала в {folder}; если это повторится, отправьте его в поддержку.</translation>
    </message>
    <message>
        <source>Start with an empty queue (the damaged file is kept as {name})</source>
        <translation>Начать с пустой очереди (повреждённый файл сохранится как {name})</translation>
    </message>
    <message>
        <source>The queue database {path} is damaged and cannot be opened.</source>
        <translation>База данных очереди {path} повреждена и не открывается.</translation>
    </message>
    <message>
        <source>kzdesk can start with an empty queue. Nothing is deleted: the damaged file is kept as {aside}, so it can still be restored or sent to support.</source>
        <translation>kzdesk может запуститься с пустой очередью. Ничего не удаляется: повреждённый файл сохранится как {aside}, его можно будет восстановить или отправить в поддержку.</translation>
    </message>
    <message>
        <source>kzdesk cannot start.</source>
        <translation>kzdesk не может запуститься.</translation>
    </message>
</context>
</TS>
