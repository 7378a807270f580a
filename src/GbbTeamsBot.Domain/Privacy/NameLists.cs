namespace GbbTeamsBot.Domain.Privacy;

/// <summary>
/// Common first names and surnames in German job-centre caseloads (German, Turkish, Arabic, Polish, Russian,
/// Ukrainian, Balkan, English). Names that are also everyday German words ("Mai", "Rose", "Nur", "Koch") are left
/// out of the free-text list to avoid noisy warnings.
/// </summary>
internal static class NameLists
{
    public static readonly HashSet<string> FirstNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // German
        "Alexander", "Andrea", "Andreas", "Angelika", "Anja", "Anke", "Anna", "Anne", "Annette", "Antje", "Barbara",
        "Bärbel", "Benjamin", "Bernd", "Bettina", "Birgit", "Brigitte", "Carina", "Carsten", "Christa", "Christian",
        "Christiane", "Christina", "Christine", "Christoph", "Claudia", "Cornelia", "Daniel", "Daniela", "David",
        "Dennis", "Detlef", "Dieter", "Dirk", "Doris", "Dorothea", "Elena", "Elisabeth", "Elke", "Emil", "Emilia",
        "Emma", "Erika", "Erwin", "Eva", "Fabian", "Felix", "Finn", "Florian", "Frank", "Franziska", "Frieda",
        "Gabriele", "Gerd", "Gerhard", "Gisela", "Günter", "Günther", "Hannah", "Hannelore", "Hans", "Harald", "Heike",
        "Heinz", "Helga", "Helmut", "Herbert", "Holger", "Horst", "Ilse", "Ingrid", "Iris", "Jan", "Jana", "Jannik",
        "Jens", "Jessica", "Jochen", "Johanna", "Johannes", "Jonas", "Jörg", "Josef", "Julia", "Julian", "Jürgen",
        "Jutta", "Karin", "Karl", "Katharina", "Kathrin", "Katrin", "Kerstin", "Kevin", "Klaus", "Kristina", "Lara",
        "Laura", "Lea", "Lena", "Leon", "Lina", "Lisa", "Lukas", "Luca", "Manfred", "Manuela", "Marcel", "Marco",
        "Maria", "Marie", "Mario", "Marion", "Markus", "Martina", "Matthias", "Max", "Maximilian", "Melanie", "Mia",
        "Michael", "Michaela", "Monika", "Nadine", "Nicole", "Niklas", "Nils", "Noah", "Olaf", "Oliver", "Patrick",
        "Paul", "Peter", "Petra", "Philipp", "Rainer", "Ralf", "Regina", "Reinhard", "Renate", "Robert", "Sabine",
        "Sandra", "Sara", "Sarah", "Sebastian", "Silke", "Simone", "Sophie", "Stefan", "Stefanie", "Steffen", "Stephan",
        "Susanne", "Sven", "Svenja", "Tanja", "Thomas", "Thorsten", "Tim", "Tobias", "Torsten", "Udo", "Ulrike", "Ursula",
        "Ute", "Uwe", "Vanessa", "Werner", "Wolfgang", "Yvonne",

        // Turkish and Kurdish
        "Ahmet", "Ali", "Aylin", "Ayşe", "Ayse", "Burak", "Büşra", "Busra", "Cem", "Deniz", "Ebru", "Elif", "Emine",
        "Emre", "Esra", "Fatma", "Gül", "Hakan", "Hasan", "Hatice", "Hülya", "Hüseyin", "Hüsnü", "İbrahim", "Ibrahim",
        "Kemal", "Leyla", "Mehmet", "Melek", "Merve", "Murat", "Mustafa", "Ömer", "Omer", "Özlem", "Ozlem", "Recep",
        "Selin", "Serkan", "Sibel", "Tuba", "Yasemin", "Yusuf", "Zehra", "Zeynep",

        // Arabic and Persian
        "Abdullah", "Ahmad", "Ahmed", "Aisha", "Amir", "Amira", "Fatima", "Hamid", "Hassan", "Hussein", "Jamal",
        "Karim", "Khaled", "Khalid", "Layla", "Mahmoud", "Mariam", "Maryam", "Mohamed", "Mohammad", "Mohammed",
        "Muhammad", "Mustafa", "Nour", "Omar", "Rana", "Reza", "Said", "Samira", "Tarek", "Yasmin", "Youssef", "Zainab",

        // Polish, Russian, Ukrainian, Balkan, Romanian
        "Agnieszka", "Aleksandra", "Andrei", "Andrej", "Anastasia", "Bogdan", "Dmitri", "Dmitrij", "Dragan", "Elena",
        "Goran", "Ioana", "Irina", "Ivan", "Jelena", "Katarzyna", "Krzysztof", "Magdalena", "Marek", "Marija", "Milan",
        "Natalia", "Natalja", "Nikola", "Oksana", "Olga", "Oleksandr", "Olena", "Piotr", "Sergej", "Sergei", "Svetlana",
        "Tatjana", "Tetiana", "Tomasz", "Vasile", "Viktor", "Vladimir", "Wojciech", "Yulia", "Zoran",

        // English and other
        "Chris", "Emily", "George", "James", "John", "Kate", "Mark", "Mary", "Sam", "Sophia",
    };

    /// <summary>Surnames used only to validate pseudonyms (where any known surname is suspicious).</summary>
    public static readonly HashSet<string> Surnames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Müller", "Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Meier", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Schäfer", "Schröder", "Neumann", "Zimmermann", "Krüger", "Hofmann", "Hartmann", "Schmitt", "Werner",
        "Schmitz", "Krause", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "Mayer", "Huber", "Peters",
        "Scholz", "Möller", "Schubert", "Günther", "Winkler", "Lorenz", "Baumann", "Franke", "Schuster", "Böhm",
        "Schumacher", "Krämer", "Vogt", "Seidel", "Brandt", "Schreiber", "Schulte", "Ziegler", "Kühn", "Pohl",
        "Bergmann", "Voigt", "Pfeiffer", "Mustermann", "Musterfrau",
        "Yılmaz", "Yilmaz", "Kaya", "Demir", "Şahin", "Sahin", "Çelik", "Celik", "Yıldız", "Yildiz", "Yıldırım",
        "Yildirim", "Öztürk", "Ozturk", "Aydın", "Aydin", "Özdemir", "Ozdemir", "Arslan", "Doğan", "Dogan", "Kılıç",
        "Kilic", "Aslan", "Çetin", "Cetin", "Özkan", "Şimşek", "Simsek",
        "Nowak", "Kowalski", "Kowalska", "Wiśniewski", "Kowalczyk", "Lewandowski", "Ivanov", "Ivanova", "Petrov",
        "Petrova", "Smirnov", "Popov", "Kovalenko", "Shevchenko", "Bondarenko", "Hussein", "Hassan", "Mohammadi",
        "Ahmadi", "Hosseini", "Rahimi", "Nguyen", "Tran",
    };
}
