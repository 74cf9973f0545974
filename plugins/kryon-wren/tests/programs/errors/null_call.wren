var config = {"name": "app"}
System.print(config["name"].count)
System.print(config["version"].count)
